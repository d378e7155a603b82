import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import { deleteAllProducts, expectAccessible, SCREENSHOT_DIR, seedProducts, signIn } from './helpers';

const pad = (n: number) => String(n).padStart(3, '0');
const seed = Array.from({ length: 60 }, (_, i) => ({
  sku: `E2E-${pad(i + 1)}`,
  name: `${i % 2 ? 'Beta gadget' : 'Alpha widget'} ${i + 1}`,
  description: i % 5 === 0 ? 'Budget line, sturdy and light' : 'Everyday item',
  active: i % 3 !== 0,
}));

const rows = (page: Page) => page.getByRole('table', { name: 'Products' }).locator('tbody tr');
const range = (page: Page) => page.getByRole('navigation', { name: 'Pages' });

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  await signIn(page);
  await deleteAllProducts(page);
  await seedProducts(page, seed);
  await page.close();
});

test('filter, search, sort and page through products; the view lives in the URL', async ({ page }) => {
  await signIn(page, '/products');
  await expect(page.getByText('60 products', { exact: true })).toBeVisible();
  await expect(range(page)).toContainText('Showing 1–25 of 60');
  await expectAccessible(page, 'the products page');

  await page.getByRole('button', { name: 'SKU' }).click();
  await expect(page).toHaveURL(/sort=sku/);
  await expect(rows(page).first()).toContainText('E2E-001');
  await page.getByRole('button', { name: 'SKU' }).click();
  await expect(page).toHaveURL(/sort=-sku/);
  await expect(rows(page).first()).toContainText('E2E-060');
  await page.getByRole('button', { name: 'SKU' }).click();
  await expect(rows(page).first()).toContainText('E2E-001');

  await page.getByRole('button', { name: 'Next' }).click();
  await expect(range(page)).toContainText('Showing 26–50 of 60');
  await expect(rows(page).first()).toContainText('E2E-026');
  await page.getByRole('button', { name: 'Last' }).click();
  await expect(range(page)).toContainText('Showing 36–60 of 60');
  await expect(rows(page).last()).toContainText('E2E-060');
  await expect(page.getByRole('button', { name: 'Next' })).toBeDisabled();
  await page.getByRole('button', { name: 'Previous' }).click();
  await expect(range(page)).toContainText('Showing 11–35 of 60');
  await expect(rows(page).first()).toContainText('E2E-011');
  await page.getByRole('button', { name: 'First' }).click();
  await expect(range(page)).toContainText('Showing 1–25 of 60');

  await page.getByLabel('Rows per page').selectOption('50');
  await expect(rows(page)).toHaveCount(50);
  await expect(page).toHaveURL(/size=50/);

  // The search box applies after a pause in typing and is kept in the URL.
  await page.getByLabel('Search').fill('gadget');
  await expect(page).toHaveURL(/q=gadget/);
  await expect(page.getByText('30 matching products', { exact: true })).toBeVisible();
  await page.getByRole('search').getByLabel('Active').selectOption('false');
  await expect(page).toHaveURL(/active=false/);
  await expect(page.getByText('10 matching products', { exact: true })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Search')).toHaveValue('gadget');
  await expect(page.getByText('10 matching products', { exact: true })).toBeVisible();
  await expect(rows(page).first()).toContainText('Inactive');

  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByRole('search').getByLabel('Name').fill('alpha widget 1');
  await expect(page.getByText('6 matching products', { exact: true })).toBeVisible(); // 1, 11, 13, 15, 17, 19
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByLabel('Search').fill('budg');
  await expect(page.getByText('12 matching products', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  // The description matches the starts of its words, not any letters inside them.
  const description = page.getByRole('search').getByLabel('Description');
  await description.fill('sturdy li');
  await expect(page).toHaveURL(/description=sturdy\+li/);
  await expect(page.getByText('12 matching products', { exact: true })).toBeVisible();
  await description.fill('urdy');
  await expect(page.getByText('No product matches these filters.')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.getByText('60 products', { exact: true })).toBeVisible();

  // Typing a filter is one history entry: Back returns to the list as it was.
  const before = page.url();
  await page.getByLabel('Search').pressSequentially('wid', { delay: 30 });
  await expect(page).toHaveURL(/q=wid/);
  await page.getByLabel('Search').pressSequentially('get', { delay: 30 });
  await expect(page).toHaveURL(/q=widget/);
  await page.goBack();
  await expect(page).toHaveURL(before);
  await expect(page.getByLabel('Search')).toHaveValue('');
  await expect(page.getByText('60 products', { exact: true })).toBeVisible();
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'products.png') });
});

test('create, edit and delete a product, with server validation next to the field', async ({ page }) => {
  await signIn(page, '/products');
  const opener = page.getByRole('button', { name: 'New product' });
  await opener.click();
  const dialog = page.getByRole('dialog', { name: 'New product' });
  await expect(dialog.getByLabel('SKU')).toBeFocused(); // the first field, not the close button
  await expectAccessible(page, 'the new product dialog');
  await dialog.getByLabel('SKU').fill('e2e-001'); // exists as E2E-001: SKUs are unique in any letter case
  await dialog.getByLabel('Name').fill('Clash');
  await dialog.getByRole('button', { name: 'Create product' }).click();
  await expect(dialog.getByLabel('SKU')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByLabel('SKU')).toHaveAccessibleDescription(/.+/);

  await dialog.getByLabel('SKU').fill('NEW-1');
  await dialog.getByLabel('Name').fill('');
  await dialog.getByRole('button', { name: 'Create product' }).click();
  await expect(dialog.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');
  await dialog.getByLabel('Name').fill('Brand new thing');
  await dialog.getByLabel('Description').fill('Made in the e2e test');
  await dialog.getByLabel('Active').uncheck();
  await dialog.getByRole('button', { name: 'Create product' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Created product NEW-1.' })).toBeVisible();
  await expect(opener).toBeFocused(); // focus back on the button that opened the dialog
  const row = page.getByRole('row', { name: /NEW-1/ });
  await expect(row).toContainText('Brand new thing');
  await expect(row).toContainText('Inactive');

  await row.getByRole('button', { name: 'Edit' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit product NEW-1' });
  await expect(edit.getByLabel('Name')).toHaveValue('Brand new thing');
  await edit.getByLabel('Name').fill('x'.repeat(300)); // pasted: kept whole, and the form says why it cannot be saved
  await expect(edit.getByLabel('Name')).toHaveAccessibleDescription('300 characters; at most 255. Remove 45.');
  await edit.getByLabel('Name').fill('Renamed thing');
  await edit.getByLabel('Active').check();
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(edit).toBeHidden();
  await expect(row).toContainText('Renamed thing');
  await expect(row).toContainText('Active');

  await row.getByRole('button', { name: 'Delete' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete product NEW-1?' });
  await confirm.getByRole('button', { name: 'Delete product' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole('row', { name: /NEW-1/ })).toHaveCount(0);
  await expect(page.getByText('60 products', { exact: true })).toBeVisible();
});

test('"Delete all products" needs DELETE typed and says how many went', async ({ page }) => {
  await signIn(page, '/products');
  await expect(page.getByText('60 products', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Delete all products' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete all products?' });
  const confirm = dialog.getByRole('button', { name: 'Delete all products' });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel('Type DELETE to confirm').fill('delete');
  await expect(confirm).toBeDisabled();
  await expect(dialog.getByLabel('Type DELETE to confirm')).toHaveAccessibleDescription(
    /Type it in capitals: DELETE\./,
  );
  await expectAccessible(page, 'the delete-all dialog');
  await dialog.getByLabel('Type DELETE to confirm').fill('DELETE');
  await dialog.getByLabel('Type DELETE to confirm').press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Deleted 60 products.')).toBeVisible();
  await expect(page.getByText('No products yet.')).toBeVisible();
  await expect(page.getByText('0 products', { exact: true })).toBeVisible();
});
