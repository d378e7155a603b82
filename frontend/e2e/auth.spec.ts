import { expect, test } from '@playwright/test';
import { E2E_USERNAME } from './backend.mjs';
import { signIn } from './helpers';

test('a visitor is sent to sign in, then back to the page they asked for', async ({ page }) => {
  await page.goto('/webhooks');
  await expect(page).toHaveURL(/\/login\?next=%2Fwebhooks/);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();

  await page.getByLabel('Username').fill(E2E_USERNAME);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('Wrong username or password');

  await page.getByLabel('Password').fill('e2e-password-123');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/webhooks$/);
  await expect(page.getByRole('heading', { name: 'Webhooks', level: 1 })).toBeVisible();
});

test('navigation names every page, and signing out ends the session', async ({ page }) => {
  await signIn(page);
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const name of ['Import', 'Products', 'Webhooks', 'API tokens']) {
    await expect(nav.getByRole('link', { name })).toBeVisible();
  }
  await nav.getByRole('link', { name: 'API tokens' }).click();
  await expect(page.getByRole('heading', { name: 'API tokens', level: 1 })).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto('/products');
  await expect(page).toHaveURL(/\/login\?next=%2Fproducts/);
});

test('an expired session sends the person to sign in and back to where they were', async ({ page, context }) => {
  await signIn(page, '/products?q=anything');
  await expect(page.getByRole('heading', { name: 'Products', level: 1 })).toBeVisible();
  // The session ends on the server side (cookie gone), the page does not know yet.
  await context.clearCookies({ name: 'sessionid' });
  await page.getByLabel('Search').fill('else');
  await expect(page).toHaveURL(/\/login\?next=/);
  await page.getByLabel('Username').fill(E2E_USERNAME);
  await page.getByLabel('Password').fill('e2e-password-123');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/products\?q=else/);
});
