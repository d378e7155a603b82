import { expect, test } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { E2E_PASSWORD, E2E_USERNAME } from './backend.mjs';
import { deleteAllProducts, expectAccessible, graphqlRequest, SCREENSHOT_DIR, signIn } from './helpers';

/** A CSV of `rows` products plus two bad rows (no name; wrong number of fields). */
function csv(rows: number, prefix: string): Buffer {
  const lines = ['sku,name,description,active'];
  for (let i = 1; i <= rows; i += 1)
    lines.push(`${prefix}-${i},Imported product ${i},"Line one, with a comma\nline two",${i % 4 === 0 ? 'no' : 'yes'}`);
  lines.push(`${prefix}-BAD-1,,missing name,yes`);
  lines.push(`${prefix}-BAD-2,too,many,fields,here,now`);
  return Buffer.from(lines.join('\n') + '\n', 'utf8');
}

test.describe.configure({ mode: 'serial' });

// Say plainly when the backend under test does not have this API yet (instead of a UI timeout).
test.beforeAll(async ({ request }) => {
  const response = await request.post('/graphql/', {
    data: { query: '{ __schema { mutationType { fields { name } } } }' },
  });
  const names = ((await response.json()).data?.__schema?.mutationType?.fields ?? []).map(
    (f: { name: string }) => f.name,
  );
  expect(names, 'the imports API (importProducts) is not on this backend yet: merge it into main first').toContain(
    'importProducts',
  );
});

test('import a gzip CSV: upload, live progress to Completed, counts, errors and errors.csv, history', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await signIn(page, '/import');
  await deleteAllProducts(page);
  const rows = 60_000;
  await page
    .getByLabel('CSV file')
    .setInputFiles({ name: 'catalogue.csv.gz', mimeType: 'application/gzip', buffer: gzipSync(csv(rows, 'IMP')) });
  await expect(page.getByText('catalogue.csv.gz')).toBeVisible();
  await page.getByRole('button', { name: 'Start import' }).click();

  const progress = page.getByRole('progressbar', { name: 'Import progress' });
  await expect(progress).toBeVisible();
  // Catch it while it runs for the README's screenshot (a fast machine may finish first).
  const status = page.getByLabel('Import status');
  await expect(status).toHaveText(/Pending|Processing|Completed/);
  try {
    await expect(status).toHaveText('Processing', { timeout: 20_000 });
    await expect
      .poll(async () => Number(await progress.getAttribute('aria-valuenow')), { timeout: 20_000 })
      .toBeGreaterThan(5);
  } catch {
    // finished before we looked: the screenshot shows the result instead
  }
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'import.png') });
  await expectAccessible(page, 'the import page with an import running');

  // Leaving the page and coming back finds the import still there.
  await page.getByRole('link', { name: 'Products' }).click();
  await page.getByRole('link', { name: 'Import' }).click();
  await expect(page.getByRole('heading', { name: /Import of catalogue\.csv\.gz/ })).toBeVisible();
  await expect(page.getByRole('progressbar', { name: 'Import progress' })).toBeVisible();

  // The server finishes the job, and the page shows it without a reload.
  const serverStatus = async () =>
    (
      await graphqlRequest<{ importJobs: { edges: { node: { status: string } }[] } }>(
        page,
        '{ importJobs(first: 1) { edges { node { status } } } }',
      )
    ).importJobs.edges[0].node.status;
  await expect.poll(serverStatus, { timeout: 180_000, intervals: [1000] }).toBe('COMPLETED');
  await expect(status).toHaveText('Completed', { timeout: 5_000 });
  await expect(progress).toHaveAttribute('aria-valuenow', '100');
  await expect(
    page.getByText(
      `Import finished: ${rows.toLocaleString('en-GB')} created, 0 updated, 0 unchanged, ` +
        '0 rows replaced by a later row for the same SKU, 2 rows skipped.',
    ),
  ).toBeVisible();
  const skipped = page.getByRole('table', { name: 'Rows skipped' });
  await expect(skipped.locator('tbody tr')).toHaveCount(2);
  await expect(skipped).toContainText('IMP-BAD-1');

  const link = page.getByRole('link', { name: 'Download errors.csv' });
  const response = await page.request.get((await link.getAttribute('href'))!);
  expect(response.status()).toBe(200);
  const body = await response.text();
  expect(body.split('\n')[0].toLowerCase()).toContain('error');
  expect(body).toContain('IMP-BAD-1');

  const history = page.getByRole('table', { name: 'Import history' });
  await expect(history.getByRole('row', { name: /catalogue\.csv\.gz/ })).toContainText('Completed');
  await expect(history.getByRole('row', { name: /catalogue\.csv\.gz/ })).toContainText(rows.toLocaleString('en-GB'));

  // errors.csv opened after the session ended: the sign-in page, then the download itself.
  await page.context().clearCookies({ name: 'sessionid' });
  const href = (await link.getAttribute('href'))!;
  await page.goto(href);
  await expect(page).toHaveURL(/\/login\?next=%2Fimports%2F.+%2Ferrors\.csv/);
  await expect(page.getByText('Sign in to download the rows skipped by this import.')).toBeVisible();
  await page.getByLabel('Username').fill(E2E_USERNAME);
  await page.getByLabel('Password').fill(E2E_PASSWORD);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Sign in' }).click();
  expect((await download).suggestedFilename()).toMatch(/^import-\d+-errors\.csv$/);
  await expect(page).toHaveURL(/\/import\?job=/);
  await expect(page.getByRole('heading', { name: /Import of catalogue\.csv\.gz/ })).toBeVisible();
  const total = await graphqlRequest<{ products: { totalCount: number } }>(
    page,
    '{ products(first: 1) { totalCount } }',
  );
  expect(total.products.totalCount).toBe(rows);
});

test('a dry run reports counts and changes nothing; a file without a SKU column opens the mapping', async ({
  page,
}) => {
  await signIn(page, '/import');
  const before = await graphqlRequest<{ products: { totalCount: number } }>(
    page,
    '{ products(first: 1) { totalCount } }',
  );

  await page.getByLabel('CSV file').setInputFiles({ name: 'dry.csv', mimeType: 'text/csv', buffer: csv(20, 'DRY') });
  await page.getByRole('checkbox', { name: 'Dry run' }).check();
  await page.getByRole('button', { name: 'Start dry run' }).click();
  await expect(page.getByRole('heading', { name: /Dry run of dry\.csv/ })).toBeVisible();
  await expect(page.getByLabel('Import status')).toHaveText('Completed', { timeout: 60_000 });
  await expect(
    page.getByText(
      'Dry run finished; no product was changed. Importing this file would create 20, update 0 and leave 0 unchanged; ' +
        '0 rows would be replaced by a later row for the same SKU and 2 rows would be skipped.',
    ),
  ).toBeVisible();
  await expect(page.locator('dl.stats').getByText('Would create', { exact: true })).toBeVisible();
  const after = await graphqlRequest<{ products: { totalCount: number } }>(
    page,
    '{ products(first: 1) { totalCount } }',
  );
  expect(after.products.totalCount).toBe(before.products.totalCount);

  await page.getByRole('checkbox', { name: 'Dry run' }).uncheck();
  await page
    .getByLabel('CSV file')
    .setInputFiles({ name: 'no-sku.csv', mimeType: 'text/csv', buffer: Buffer.from('name,description\nA,B\n') });
  await page.getByRole('button', { name: 'Start import' }).click();
  // Columns it cannot recognise open the mapping instead of failing: the SKU column is asked for.
  const step = page.getByRole('region', { name: 'Check columns' });
  await expect(step).toBeVisible();
  await expect(step.getByText('no-sku.csv')).toBeVisible();
  await expect(step).toContainText(/sku/i);
  await expect(page.getByRole('region', { name: /Import of no-sku\.csv/ })).toHaveCount(0);
  const unchanged = await graphqlRequest<{ products: { totalCount: number } }>(
    page,
    '{ products(first: 1) { totalCount } }',
  );
  expect(unchanged.products.totalCount).toBe(before.products.totalCount);
});
