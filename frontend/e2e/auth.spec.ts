import { expect, test } from '@playwright/test';
import { E2E_USERNAME } from './backend.mjs';
import { expectAccessible, graphqlRequest, signIn } from './helpers';

test('a visitor is sent to sign in, then back to the page they asked for', async ({ page }) => {
  await page.goto('/webhooks');
  await expect(page).toHaveURL(/\/login\?next=%2Fwebhooks/);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expectAccessible(page, 'the sign-in page');

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
  // The page has asked for everything it shows (the count goes out after the rows).
  await expect(page.getByText(/^\d[\d,]* matching products?$/)).toBeVisible();
  // The session ends on the server side (cookie gone), the page does not know yet.
  await context.clearCookies({ name: 'sessionid' });
  await page.getByLabel('Search').fill('else');
  await expect(page).toHaveURL(/\/login\?next=/);
  await page.getByLabel('Username').fill(E2E_USERNAME);
  await page.getByLabel('Password').fill('e2e-password-123');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/products\?q=else/);
});

test('the failure before the lock-out warns that one attempt is left; the lock-out says for how long', async ({
  page,
}) => {
  // Another username than the suite's own, so its lock-out (LOGIN_FAILURE_LIMIT=5) stops nobody else.
  await page.goto('/login');
  await page.getByLabel('Username').fill('someone-else');
  const alert = page.getByRole('alert');
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    await page.getByLabel('Password').fill(`wrong-${attempt}`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(alert).toHaveText('Wrong username or password.');
  }
  await page.getByLabel('Password').fill('wrong-4');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(alert).toContainText(
    'One attempt left: one more failure locks sign-in for this username for 15 minutes.',
  );
  await page.getByLabel('Password').fill('wrong-5');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(alert).toContainText('Sign-in for this username is locked for 15 minutes');
  await expectAccessible(page, 'the sign-in page with an error');
});

test('a save after the session expired is not lost: the dialog comes back filled after sign-in', async ({
  page,
  context,
}) => {
  await signIn(page, '/products');
  await graphqlRequest(page, 'mutation { deleteAllProducts { deletedCount } }');
  await graphqlRequest(page, 'mutation($input: ProductInput!) { createProduct(input: $input) { __typename } }', {
    input: { sku: 'KEEP-1', name: 'Before' },
  });
  await page.reload();
  await page
    .getByRole('row', { name: /KEEP-1/ })
    .getByRole('button', { name: 'Edit' })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Edit product KEEP-1' });
  await dialog.getByLabel('Name').fill('Typed while the session ended');
  await context.clearCookies({ name: 'sessionid' });
  await dialog.getByRole('button', { name: 'Save changes' }).click();

  await expect(page).toHaveURL(/\/login\?next=%2Fproducts/);
  await expect(page.getByText('Your unsaved changes are kept: they come back once you are signed in.')).toBeVisible();
  await page.getByLabel('Username').fill(E2E_USERNAME);
  await page.getByLabel('Password').fill('e2e-password-123');
  await page.getByRole('button', { name: 'Sign in' }).click();

  const back = page.getByRole('dialog', { name: 'Edit product KEEP-1' });
  await expect(back.getByLabel('Name')).toHaveValue('Typed while the session ended');
  await expect(back).toContainText('Your session had expired, so this was not saved.');
  // Truly not saved yet (the list behind the dialog is hidden from the accessibility tree).
  await expect(page.locator('tbody tr', { hasText: 'KEEP-1' })).toContainText('Before');
  await back.getByRole('button', { name: 'Save changes' }).click();
  await expect(back).toBeHidden();
  await expect(page.getByRole('row', { name: /KEEP-1/ })).toContainText('Typed while the session ended');
  await graphqlRequest(page, 'mutation { deleteAllProducts { deletedCount } }');
});
