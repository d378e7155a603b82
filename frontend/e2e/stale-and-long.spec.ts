import { expect, test } from '@playwright/test';
import { graphqlRequest, seedProducts, signIn } from './helpers';

test.describe.configure({ mode: 'serial' });

test('a 300-character value keeps the Problem column of "Rows skipped" in view at 1280 px', async ({ page }) => {
  await signIn(page, '/import');
  const longSku = 'L'.repeat(300);
  const file = `sku,name,description,active\nLONG-OK-1,Fine,,yes\n${longSku},Too long a SKU,,yes\n`;
  await page
    .getByLabel('CSV file')
    .setInputFiles({ name: 'long.csv', mimeType: 'text/csv', buffer: Buffer.from(file) });
  await page.getByRole('button', { name: 'Start import' }).click();
  await expect(page.getByLabel('Import status')).toHaveText('Completed', { timeout: 60_000 });

  const table = page.getByRole('table', { name: 'Rows skipped' });
  const problem = table.getByRole('columnheader', { name: 'Problem' });
  await problem.scrollIntoViewIfNeeded();
  await expect(problem).toBeInViewport();
  const box = await problem.boundingBox();
  expect(box!.x + box!.width).toBeLessThanOrEqual(1280);
  await expect(table.getByTitle(/^L{200,}/)).toBeVisible();
});

test('a stale edit from a second tab is refused and can be reloaded', async ({ page, context }) => {
  await signIn(page, '/products');
  await seedProducts(page, [{ sku: 'TABS-1', name: 'Original name', description: '', active: true }]);
  await page.goto('/products?q=TABS-1');
  await page.getByRole('button', { name: 'Edit TABS-1' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit product TABS-1' });

  // Another tab renames the product while this dialog is open.
  const other = await context.newPage();
  await other.goto('/products');
  const { productBySku } = await graphqlRequest<{ productBySku: { id: string } }>(
    other,
    '{ productBySku(sku: "TABS-1") { id } }',
  );
  await graphqlRequest(
    other,
    'mutation($id: ID!) { updateProduct(input: {id: $id, name: "Renamed elsewhere"}) { __typename } }',
    {
      id: productBySku.id,
    },
  );

  await dialog.getByLabel('Description').fill('Written from the first tab');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog.getByText(/Someone saved this product after you opened it/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Reload the product' }).click();
  await expect(dialog.getByLabel('Name')).toHaveValue('Renamed elsewhere');
});
