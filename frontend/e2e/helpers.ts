import AxeBuilder from '@axe-core/playwright';
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
  // The main navigation is in view on a desktop and behind "Menu" on a phone.
  await expect(page.getByRole('main')).toBeVisible();
}

/**
 * Runs axe-core (WCAG 2 A and AA rules) on what the page shows now and fails on any
 * serious or critical violation, naming each with the elements at fault.
 */
export async function expectAccessible(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = bad.map(
    (v) => `${v.impact}: ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(report, `axe-core on ${what}`).toEqual([]);
}

/** Opens a page of the app: through the links on a desktop, through "Menu" on a phone. */
export async function goTo(page: Page, name: string) {
  const menu = page.getByRole('button', { name: /^Menu/ });
  if (await menu.isVisible()) await menu.click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();
}

/** Runs a GraphQL operation with the page's session cookie and CSRF token (for test set-up only). */
export async function graphqlRequest<T = unknown>(
  page: Page,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const csrf = (await page.context().cookies()).find((c) => c.name === 'csrftoken')?.value ?? '';
  const response = await page.request.post('/graphql/', {
    data: { query, variables },
    headers: { 'X-CSRFToken': csrf },
  });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data as T;
}

/** Creates products straight through the API (to have something to page through). */
export async function seedProducts(
  page: Page,
  products: { sku: string; name: string; description?: string; active?: boolean }[],
) {
  for (const input of products) {
    const data = await graphqlRequest<{ createProduct: { __typename: string } }>(
      page,
      'mutation($input: ProductInput!) { createProduct(input: $input) { __typename } }',
      { input },
    );
    expect(data.createProduct.__typename).toBe('Product');
  }
}

export async function deleteAllProducts(page: Page) {
  await graphqlRequest(page, 'mutation { deleteAllProducts { deletedCount } }');
}

/** Each event checkbox of the open webhook dialog sits on the same line as its label, left of it. */
export async function expectEventBoxesBesideLabels(page: Page) {
  const group = page.getByRole('group', { name: 'Events' });
  const boxes = group.getByRole('checkbox');
  const count = await boxes.count();
  expect(count).toBe(8); // one per WebhookEventType, feed.disabled and products.bulk_updated included
  for (let i = 0; i < count; i += 1) {
    const box = (await boxes.nth(i).boundingBox())!;
    const id = await boxes.nth(i).getAttribute('id');
    const label = (await group.locator(`label[for="${id}"]`).boundingBox())!;
    expect(label.x, 'label to the right of its box').toBeGreaterThan(box.x + box.width - 1);
    expect(label.y, 'label starts on the line of its box').toBeLessThan(box.y + box.height);
    expect(box.y, 'box on the label’s first line').toBeLessThan(label.y + 24);
  }
}
