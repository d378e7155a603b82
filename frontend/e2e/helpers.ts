import { expect, type Page } from '@playwright/test';
import path from 'node:path';
import { E2E_PASSWORD, E2E_USERNAME, REPO_DIR } from './backend.mjs';

export const SCREENSHOT_DIR = path.join(REPO_DIR, 'docs', 'screenshots');

/** Signs in through the real form, landing on `next`. */
export async function signIn(page: Page, next = '/import') {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Username').fill(E2E_USERNAME);
  await page.getByLabel('Password').fill(E2E_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
}

/** Runs a GraphQL operation with the page's session cookie and CSRF token (for test set-up only). */
export async function graphqlRequest<T = unknown>(page: Page, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const csrf = (await page.context().cookies()).find((c) => c.name === 'csrftoken')?.value ?? '';
  const response = await page.request.post('/graphql/', { data: { query, variables }, headers: { 'X-CSRFToken': csrf } });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data as T;
}

/** Creates products straight through the API (to have something to page through). */
export async function seedProducts(page: Page, products: { sku: string; name: string; description?: string; active?: boolean }[]) {
  for (const input of products) {
    const data = await graphqlRequest<{ createProduct: { __typename: string } }>(page, 'mutation($input: ProductInput!) { createProduct(input: $input) { __typename } }', { input });
    expect(data.createProduct.__typename).toBe('Product');
  }
}

export async function deleteAllProducts(page: Page) {
  await graphqlRequest(page, 'mutation { deleteAllProducts { deletedCount } }');
}
