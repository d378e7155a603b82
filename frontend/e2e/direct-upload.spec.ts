import { expect, test } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { E2E_PORT, startBackend } from './backend.mjs';
import { graphqlRequest, signIn } from './helpers';

// This spec has a backend of its own whose files are in a bucket (a moto_server): direct
// uploads are available there, with parts of 5 MiB (S3's smallest but the last).
const PORT = E2E_PORT + 5;
let backend: Awaited<ReturnType<typeof startBackend>>;
let folder: string;
let file: string;
const ROWS = 120_000;

test.use({ baseURL: `http://127.0.0.1:${PORT}` });
test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  backend = await startBackend({ port: PORT, objectStorage: true });
  folder = mkdtempSync(path.join(tmpdir(), 'pi-direct-upload-'));
  file = path.join(folder, 'big-catalogue.csv');
  // About 12 MB: three parts (5 MiB, 5 MiB and the rest).
  const padding = ' and a long description'.repeat(3);
  const rows = Array.from(
    { length: ROWS },
    (_, i) => `DU-${String(i).padStart(7, '0')},Product ${i},Item ${i}${padding}`,
  );
  writeFileSync(file, ['sku,name,description', ...rows, ''].join('\n'));
});

test.afterAll(async () => {
  await backend?.stop();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

/** The part number of a PUT to the store, or null for any other request. */
function partOf(url: string, method: string): number | null {
  if (method !== 'PUT' || !url.startsWith(backend.storeEndpoint!)) return null;
  return Number(new URL(url).searchParams.get('partNumber'));
}

test('a large file goes to the store in parts, survives a dropped connection and a reload, and imports', async ({
  page,
}) => {
  await signIn(page, '/import');
  const stored: number[] = [];
  page.on('response', (response) => {
    const part = partOf(response.url(), response.request().method());
    if (part && response.ok()) stored.push(part);
  });

  // The connection drops midway: part 1 gets through, every other part fails.
  await page.route(`${backend.storeEndpoint}/**`, (route) => {
    const part = partOf(route.request().url(), route.request().method());
    return part === null || part === 1 ? route.continue() : route.abort('connectionreset');
  });
  await page.getByLabel('CSV file').setInputFiles(file);
  await page.getByRole('button', { name: 'Check columns' }).click();
  await expect(page.getByRole('progressbar', { name: 'Upload' })).toBeVisible();
  await expect.poll(() => stored).toEqual([1]);

  // The page is reloaded while the other parts wait for their next try.
  await page.unroute(`${backend.storeEndpoint}/**`);
  await page.reload();
  stored.length = 0;
  const resume = page.getByRole('button', { name: 'Resume upload of big-catalogue.csv' });
  await expect(resume).toBeVisible();
  const chooser = page.waitForEvent('filechooser');
  await resume.click();
  await (await chooser).setFiles(file);

  // Only the missing parts are sent; the import is staged from the stored file.
  const step = page.getByRole('region', { name: 'Check columns' });
  await expect(step).toBeVisible({ timeout: 60_000 });
  expect(stored.sort()).toEqual([2, 3]);
  await expect(step.getByRole('combobox', { name: 'File column for SKU' })).toHaveValue('sku');
  await step.getByRole('button', { name: 'Start import' }).click();
  await expect(page.getByLabel('Import status')).toHaveText('Completed', { timeout: 90_000 });
  const data = await graphqlRequest<{ productBySku: { name: string } | null }>(
    page,
    'query($sku: String!) { productBySku(sku: $sku) { name } }',
    { sku: `DU-${String(ROWS - 1).padStart(7, '0')}` },
  );
  expect(data.productBySku).toEqual({ name: `Product ${ROWS - 1}` });
  await expect(page.getByRole('button', { name: /Resume upload/ })).toHaveCount(0);
});
