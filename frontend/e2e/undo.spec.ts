import { expect, test, type Page } from '@playwright/test';
import { deleteAllProducts, graphqlRequest, seedProducts, signIn } from './helpers';

type Product = { sku: string; name: string; description: string; active: boolean };

async function catalogue(page: Page): Promise<Product[]> {
  const data = await graphqlRequest<{ products: { edges: { node: Product }[] } }>(
    page,
    '{ products(first: 100, ordering: [{sku: ASC}]) { edges { node { sku name description active } } } }',
  );
  return data.products.edges.map((edge) => edge.node);
}

test('import a file, review its changes, undo it: the catalogue is as it was', async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, '/import');
  await deleteAllProducts(page);
  await seedProducts(page, [
    { sku: 'UNDO-KEEP', name: 'Before the import', description: 'as it was', active: true },
    { sku: 'UNDO-SAME', name: 'Same', description: 'same', active: true },
  ]);
  const before = await catalogue(page);

  const lines = [
    'sku,name,description,active',
    'UNDO-KEEP,Changed by the import,as it was,no',
    'UNDO-SAME,Same,same,yes',
  ];
  for (let i = 1; i <= 30; i += 1) lines.push(`UNDO-NEW-${String(i).padStart(2, '0')},New product ${i},new,yes`);
  await page
    .getByLabel('CSV file')
    .setInputFiles({ name: 'undo-me.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n') + '\n') });
  await page.getByRole('button', { name: 'Start import' }).click();
  await expect(page.getByLabel('Import status')).toHaveText('Completed', { timeout: 60_000 });
  await expect(
    page.getByText(
      'Import finished: 30 created, 1 updated, 1 unchanged, 0 rows replaced by a later row for the same SKU, 0 rows skipped.',
    ),
  ).toBeVisible();

  // Review: every change, paged; then only the updated product, before -> after.
  const changes = page.getByRole('table', { name: 'Changes' });
  await expect(page.getByText('1–25 of 31 changes, in file order.')).toBeVisible();
  await expect(changes.locator('tbody tr')).toHaveCount(25);
  await page.getByRole('button', { name: 'Next changes' }).click();
  await expect(page.getByText('26–31 of 31 changes, in file order.')).toBeVisible();
  await page.getByLabel('Show').selectOption({ label: 'Updated only' });
  await expect(changes.locator('tbody tr')).toHaveCount(1);
  const updated = changes.locator('tbody tr').first();
  await expect(updated).toContainText('UNDO-KEEP');
  await expect(updated.locator('li.changed')).toHaveCount(2); // name and active
  await expect(updated.locator('li.changed').first()).toContainText('Before the import → Changed by the import');
  await expect(updated.locator('li.changed').nth(1)).toContainText('active → inactive');

  // The products page shows where each product came from, linking to the import.
  await page.getByRole('link', { name: 'Products' }).click();
  const source = page.getByRole('row', { name: /UNDO-KEEP/ }).getByRole('link', { name: /undo-me\.csv/ });
  await expect(source).toHaveText('undo-me.csv, line 2');
  await source.click();
  await expect(page.getByRole('heading', { name: /Import of undo-me\.csv/ })).toBeVisible();

  // Undo: the confirmation says what it will do; the revert runs live to its counts.
  await page.getByRole('button', { name: 'Undo import' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('deletes 30 products the import created');
  await expect(dialog).toContainText('the earlier values of 1 product it changed');
  await dialog.getByRole('button', { name: 'Undo import' }).click();
  await expect(page.getByRole('heading', { name: /Revert of undo-me\.csv/ })).toBeVisible();
  await expect(page.getByRole('progressbar', { name: 'Revert progress' })).toBeVisible();
  await expect(page.getByLabel('Import status')).toHaveText('Completed', { timeout: 60_000 });
  await expect(page.getByText('Revert finished: 30 deleted, 1 restored, 0 conflicts')).toBeVisible();

  expect(await catalogue(page)).toEqual(before);
  await page.getByRole('link', { name: 'Products' }).click();
  await expect(page.getByRole('cell', { name: 'Before the import' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'UNDO-NEW-01' })).toHaveCount(0);

  // The import now says it has been reverted.
  await page.goBack();
  await page.goBack();
  await expect(page.getByText('This import has already been reverted.')).toBeVisible();
});
