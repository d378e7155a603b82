import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { deleteAllProducts, seedProducts, signIn } from './helpers';

const products = [
  { sku: 'EXP-1', name: 'Budget lamp', description: 'Line one\nline two, with "quotes"', active: true },
  { sku: 'EXP-2', name: 'Budget chair', description: '', active: false },
  { sku: 'EXP-3', name: 'Premium sofa', description: 'Not in the search', active: true },
];

test('export what the filters show as CSV and download it', async ({ page }) => {
  await signIn(page, '/products');
  await deleteAllProducts(page);
  await seedProducts(page, products);
  await page.goto('/products?q=budget');
  await expect(page.getByText('2 matching products', { exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export products' });
  await expect(dialog).toContainText('The products the current filters show');
  await expect(dialog.getByRole('radio', { name: /CSV/ })).toBeChecked();
  await dialog.getByRole('button', { name: 'Start export' }).click();

  const link = dialog.getByRole('link', { name: 'Download CSV file' });
  await expect(link).toBeVisible({ timeout: 30_000 });
  await expect(dialog).toContainText('Exported 2 products');
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toMatch(/^products-export-\d+\.csv$/);
  const body = await readFile((await download.path())!, 'utf8');

  expect(body.charCodeAt(0)).toBe(0xfeff); // the BOM Excel needs to read UTF-8
  expect(body.slice(1)).toBe(
    'sku,name,description,active\r\n' +
      'EXP-1,Budget lamp,"Line one\nline two, with ""quotes""",true\r\n' +
      'EXP-2,Budget chair,,false\r\n',
  );
});
