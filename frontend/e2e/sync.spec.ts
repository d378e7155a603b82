import { expect, test, type Page } from '@playwright/test';
import { graphqlRequest, seedProducts, signIn } from './helpers';

async function product(page: Page, sku: string) {
  const data = await graphqlRequest<{ productBySku: { name: string; description: string; active: boolean } | null }>(
    page,
    'query($sku: String!) { productBySku(sku: $sku) { name description active } }',
    { sku },
  );
  return data.productBySku;
}

/** Uploads `text` and opens the check step. */
async function check(page: Page, name: string, text: string) {
  await page.getByLabel('CSV file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
  await page.getByRole('button', { name: 'Check columns' }).click();
  const step = page.getByRole('region', { name: 'Check columns' });
  await expect(step).toBeVisible();
  return step;
}

test.describe.configure({ mode: 'serial' });

test('a partial sku,active file only updates the products it lists', async ({ page }) => {
  await signIn(page, '/import');
  await seedProducts(page, [
    { sku: 'E2E-STOCK-1', name: 'Kept name', description: 'Kept text', active: true },
    { sku: 'E2E-STOCK-2', name: 'Second', active: false },
  ]);
  const step = await check(page, 'stock.csv', 'sku,active\nE2E-STOCK-1,no\nE2E-STOCK-2,yes\nE2E-STOCK-NEW,yes\n');
  await step.getByRole('combobox', { name: 'Rows in the file' }).selectOption('UPDATE_ONLY');
  await step.getByRole('button', { name: 'Start import' }).click();
  await expect(page.getByLabel('Import status')).toHaveText('Completed', { timeout: 60_000 });
  await expect(page.getByText(/1 rows left alone by the mode/)).toBeVisible();
  expect(await product(page, 'E2E-STOCK-1')).toEqual({ name: 'Kept name', description: 'Kept text', active: false });
  expect(await product(page, 'E2E-STOCK-2')).toEqual({ name: 'Second', description: '', active: true });
  expect(await product(page, 'E2E-STOCK-NEW')).toBeNull();
});

test('a guarded full sync waits for a confirmation that names the numbers', async ({ page }) => {
  await signIn(page, '/import');
  const all = Array.from({ length: 10 }, (_, i) => `E2E-FEED-${i},Feed ${i}`).join('\n');
  const sync = async (name: string, text: string) => {
    const step = await check(page, name, text);
    await step.getByRole('combobox', { name: 'Products the file does not list' }).selectOption('DEACTIVATE');
    await step.getByRole('combobox', { name: 'Which products may be removed' }).selectOption('SOURCE');
    await step.getByLabel(/^Source/).fill('e2e-feed');
    await step.getByRole('button', { name: 'Start import' }).click();
  };
  await sync('feed-full.csv', `sku,name\n${all}\n`);
  await expect(page.getByLabel('Import status')).toHaveText('Completed', { timeout: 60_000 });

  await sync('feed-short.csv', 'sku,name\nE2E-FEED-0,Feed 0\nE2E-FEED-1,Feed 1\n');
  await expect(page.getByLabel('Import status')).toHaveText('Waiting for your confirmation', { timeout: 60_000 });
  const question = page.getByRole('alertdialog', { name: 'Confirm the removal' });
  await expect(question).toContainText('would deactivate 8 of 10 products');
  expect((await product(page, 'E2E-FEED-9'))?.active).toBe(true);
  await question.getByRole('button', { name: 'Deactivate 8 products' }).click();
  await expect(page.getByLabel('Import status')).toHaveText('Completed', { timeout: 60_000 });
  expect((await product(page, 'E2E-FEED-9'))?.active).toBe(false);
  expect((await product(page, 'E2E-FEED-1'))?.active).toBe(true);
});
