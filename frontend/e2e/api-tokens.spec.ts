import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from './helpers';

test('create a token (shown once), use it, then revoke it', async ({ page, playwright, baseURL }) => {
  await signIn(page, '/api-tokens');
  await expect(page.getByText('No API tokens yet.')).toBeVisible();
  await expectAccessible(page, 'the API tokens page');

  await page.getByLabel('Token name').fill('warehouse sync');
  await page.getByRole('button', { name: 'Create token' }).click();
  const token = (await page.getByLabel('New token').textContent())?.trim() ?? '';
  expect(token.length).toBeGreaterThan(20);
  await expect(page.getByRole('row', { name: /warehouse sync/ })).toContainText('Never');
  // Tokens are told apart by a non-secret prefix (the token's first characters).
  await expect(page.getByRole('row', { name: /warehouse sync/ })).toContainText(`${token.slice(0, 12)}…`);

  // The token works for another app, without cookies or CSRF.
  const other = await playwright.request.newContext({ baseURL });
  const ask = () =>
    other.post('/graphql/', { data: { query: '{ me { username } }' }, headers: { Authorization: `Bearer ${token}` } });
  expect((await (await ask()).json()).data.me.username).toBe('e2e-admin');

  await page.reload();
  await expect(page.getByLabel('New token')).toHaveCount(0); // shown once only
  await expect(page.getByRole('row', { name: /warehouse sync/ })).not.toContainText('Never');

  await page
    .getByRole('row', { name: /warehouse sync/ })
    .getByRole('button', { name: 'Revoke' })
    .click();
  const dialog = page.getByRole('dialog', { name: `Revoke token “warehouse sync” (${token.slice(0, 12)}…)?` });
  await expect(dialog).toContainText('Last used');
  await expectAccessible(page, 'the revoke dialog');
  await dialog.getByRole('button', { name: 'Revoke token' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row', { name: /warehouse sync/ })).toHaveCount(0);
  const refused = await (await ask()).json();
  expect(refused.data?.me ?? null).toBeNull();
  await other.dispose();
});
