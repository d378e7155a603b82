import { expect, test, type Page } from '@playwright/test';
import { deleteAllProducts, graphqlRequest, seedProducts, signIn } from './helpers';

type Row = { sku: string; active: boolean };

async function activeBySku(page: Page): Promise<Record<string, boolean>> {
  const data = await graphqlRequest<{ products: { edges: { node: Row }[] } }>(
    page,
    '{ products(first: 100, ordering: [{sku: ASC}]) { edges { node { sku active } } } }',
  );
  return Object.fromEntries(data.products.edges.map(({ node }) => [node.sku, node.active]));
}

test('search ignores accents; deactivate all products matching it at once, then undo', async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, '/products');
  await deleteAllProducts(page);
  const desserts = Array.from({ length: 30 }, (_, i) => ({
    sku: `BULK-${String(i + 1).padStart(2, '0')}`,
    name: `Crème brûlée ${i + 1}`,
    active: true,
  }));
  await seedProducts(page, [...desserts, { sku: 'BULK-TEA', name: 'Green tea', active: true }]);

  // "creme" finds "Crème": the search ignores accents.
  await page.goto('/products?q=creme');
  await expect(page.getByText('30 matching products')).toBeVisible();
  await expect(
    page
      .getByRole('table', { name: 'Products' })
      .getByRole('row', { name: /Crème brûlée/ })
      .first(),
  ).toBeVisible();

  await page.getByRole('checkbox', { name: 'Select every product on this page' }).check();
  const bar = page.getByRole('region', { name: 'Selected products' });
  await expect(bar).toContainText('25 products selected');
  await bar.getByRole('button', { name: 'Select all 30 products matching this filter' }).click();
  await expect(bar).toContainText('All 30 matching products selected');
  await bar.getByRole('button', { name: 'Deactivate' }).click();
  const dialog = page.getByRole('dialog', { name: 'Deactivate 30 products?' });
  await dialog.getByRole('button', { name: 'Deactivate 30 products' }).click();
  await expect(page.getByText('Deactivated 30 products.')).toBeVisible();

  const after = await activeBySku(page);
  expect(
    Object.entries(after)
      .filter(([, active]) => !active)
      .map(([sku]) => sku),
  ).toEqual(desserts.map((d) => d.sku));
  expect(after['BULK-TEA']).toBe(true);

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('link', { name: 'Follow the undo' })).toBeVisible();
  await expect.poll(async () => Object.values(await activeBySku(page)).every(Boolean), { timeout: 60_000 }).toBe(true);
});

test('at 1280 px the Products and History tables keep every column and button in view', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, '/products');
  await deleteAllProducts(page);
  await seedProducts(page, [
    { sku: 'WIDE-1', name: 'A product with a rather long name to fill its column', description: 'x'.repeat(200) },
  ]);
  // A job in the History: a bulk deactivation (one job, like an import).
  await graphqlRequest(page, 'mutation { setProductsActive(active: false, filters: {}) { __typename } }');

  await page.goto('/products');
  const products = page.getByRole('table', { name: 'Products' });
  await expect(products.getByRole('row', { name: /WIDE-1/ })).toBeVisible();
  const box = (await products.boundingBox())!;
  const wrap = (await page.locator('.products-table').boundingBox())!;
  expect(box.width).toBeLessThanOrEqual(wrap.width + 1); // no sideways scrolling
  for (const name of ['Updated', 'Written by']) {
    const header = (await products.getByRole('columnheader', { name }).boundingBox())!;
    expect(header.x + header.width, `${name} is in view`).toBeLessThanOrEqual(wrap.x + wrap.width + 1);
  }
  const updated = products.locator('td[data-label="Updated"]').first();
  expect(await updated.evaluate((cell) => cell.scrollWidth <= cell.clientWidth)).toBe(true);

  await page.goto('/import');
  const history = page.getByRole('table', { name: 'Import history' });
  await expect(history.getByRole('row', { name: /Deactivate \(1 product\)/ })).toBeVisible();
  const historyWrap = (await page.locator('.history-table').boundingBox())!;
  const view = (await history.getByRole('button', { name: /^View/ }).first().boundingBox())!;
  expect(view.x + view.width).toBeLessThanOrEqual(historyWrap.x + historyWrap.width + 1);
  const submitted = history.locator('td[data-label="Submitted"]').first();
  // One line, shown whole: no wrapping to three lines, nothing cut.
  expect(await submitted.evaluate((cell) => getComputedStyle(cell).whiteSpace)).toBe('nowrap');
  const [needed, shown] = await submitted.evaluate((cell) => [cell.scrollWidth, cell.clientWidth]);
  expect(needed, 'the date is shown whole').toBeLessThanOrEqual(shown);
});
