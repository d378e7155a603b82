import { expect, test, type Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { expectAccessible, SCREENSHOT_DIR, signIn } from './helpers';

// Say plainly when the backend under test does not have this API yet (instead of a UI timeout).
test.beforeAll(async ({ request }) => {
  const response = await request.post('/graphql/', {
    data: { query: '{ __schema { mutationType { fields { name } } } }' },
  });
  const names = ((await response.json()).data?.__schema?.mutationType?.fields ?? []).map(
    (f: { name: string }) => f.name,
  );
  expect(names, 'the feeds API (createFeed) is not on this backend yet: merge it into main first').toContain(
    'createFeed',
  );
});

/**
 * A supplier's file server on loopback: serves one CSV with an ETag and answers a matching
 * If-None-Match with 304, as a web server does; `body` can be changed between runs.
 */
async function startCatalogueServer() {
  const state = { body: '', requests: 0, notModified: 0 };
  const server: Server = createServer((request, response) => {
    state.requests += 1;
    if (request.url !== '/exports/catalogue.csv') {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not here');
      return;
    }
    const etag = `"${createHash('sha256').update(state.body).digest('hex').slice(0, 16)}"`;
    if (request.headers['if-none-match'] === etag) {
      state.notModified += 1;
      response.writeHead(304, { etag });
      response.end();
      return;
    }
    response.writeHead(200, { 'content-type': 'text/csv; charset=utf-8', etag });
    response.end(state.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/exports/catalogue.csv`,
    state,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The runs table's rows, newest first. */
function runRows(page: Page) {
  return page
    .getByRole('table', { name: 'Runs' })
    .getByRole('row')
    .filter({ hasNot: page.getByRole('columnheader') });
}

test('a feed from a local HTTP server: create, run, run again unchanged, change the file, a second import', async ({
  page,
}) => {
  const stamp = Date.now().toString(36).toUpperCase();
  const server = await startCatalogueServer();
  server.state.body = `Artikel,Bezeichnung,Beschreibung\nFEED-${stamp}-1,Anvil,Heavy\nFEED-${stamp}-2,Bucket,Tin\n`;
  try {
    await signIn(page, '/feeds');
    await expect(page.getByRole('heading', { name: 'Feeds', level: 1 })).toBeVisible();
    await expectAccessible(page, 'the feeds page');

    await page.getByRole('link', { name: 'Add feed' }).click();
    await expect(page.getByRole('heading', { name: 'New feed' })).toBeVisible();
    // A wrong value is told on its field.
    await page.getByLabel('URL', { exact: true }).fill('ftp://127.0.0.1/catalogue.csv');
    await page.getByRole('button', { name: 'Create feed' }).click();
    await expect(page.getByLabel('URL', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('Name', { exact: true })).toHaveAttribute('aria-invalid', 'true');

    await page.getByLabel('Name', { exact: true }).fill(`Supplier ${stamp}`);
    await page.getByLabel('URL', { exact: true }).fill(server.url);
    await page.getByLabel('Cron expression').fill('0 2 * * *');
    await page.getByLabel('Time zone').fill('Europe/Berlin');

    // Test source: the same "Check columns" step as an upload, on the fetched file.
    await page.getByRole('button', { name: 'Test source' }).click();
    await expect(page.getByText(/Reached the source: HTTP 200/)).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Check columns' })).toBeVisible();
    await page.getByRole('combobox', { name: 'File column for SKU' }).selectOption('Artikel');
    await page.getByRole('combobox', { name: 'File column for Name' }).selectOption('Bezeichnung');
    await expect(page.getByRole('table', { name: /rows as they would be imported/ })).toContainText('Anvil');
    await expectAccessible(page, 'a feed’s form with its Check columns step');
    await page.getByRole('button', { name: 'Use these columns' }).click();
    await expect(page.getByText('The columns and import choices are saved with the feed.')).toBeVisible();

    await page.getByRole('button', { name: 'Create feed' }).click();
    await expect(page.getByRole('heading', { name: `Supplier ${stamp}`, level: 1 })).toBeVisible();
    await expect(page.getByText(`Created feed Supplier ${stamp}.`)).toBeVisible();
    // The schedule in words, as the server says it (e.g. "At 02:00, every day (Europe/Berlin)").
    const words = page.getByRole('group', { name: 'Schedule' }).getByRole('status');
    await expect(words).toContainText('02:00');
    await expect(words).toContainText('Europe/Berlin');
    await expect(page.getByRole('list', { name: 'Next runs' }).getByRole('listitem')).toHaveCount(3);
    await expect(page.getByRole('region', { name: 'What each run imports' })).toContainText('SKU ← Artikel');

    // First run: the file is imported.
    await page.getByRole('button', { name: 'Run now' }).click();
    await expect(runRows(page)).toHaveCount(1);
    await expect(runRows(page).first()).toContainText('Imported', { timeout: 60_000 });
    await expect(runRows(page).first()).toContainText('2 created');

    // Second run: nothing new (304), no import.
    await page.getByRole('button', { name: 'Run now' }).click();
    await expect(runRows(page)).toHaveCount(2);
    await expect(runRows(page).first()).toContainText('Unchanged', { timeout: 60_000 });
    await expect(runRows(page).first().getByRole('link')).toHaveCount(0);
    expect(server.state.notModified).toBeGreaterThanOrEqual(1);

    // The file changes: the third run imports it.
    server.state.body += `FEED-${stamp}-3,Crate,Pine\n`;
    await page.getByRole('button', { name: 'Run now' }).click();
    await expect(runRows(page)).toHaveCount(3);
    await expect(runRows(page).first()).toContainText('Imported', { timeout: 60_000 });
    await expect(runRows(page).first()).toContainText('1 created');
    await expect(runRows(page).getByRole('link', { name: 'catalogue.csv' })).toHaveCount(2);
    await expectAccessible(page, 'a feed with its runs');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'feeds.png'), fullPage: true });

    // Each import is a normal import job: its link opens it on the import page.
    await runRows(page).first().getByRole('link', { name: 'catalogue.csv' }).click();
    await expect(page).toHaveURL(/\/import\?job=/);
    await expect(page.getByRole('main')).toContainText('Completed');

    // The list: last run, next run and status.
    await page.goto('/feeds');
    const row = page.getByRole('row').filter({ hasText: `Supplier ${stamp}` });
    await expect(row).toContainText('Imported');
    await expect(row).toContainText('Enabled');
    await expect(row).toContainText('02:00');
    await expectAccessible(page, 'the feeds page with a feed');
  } finally {
    await server.close();
  }
});
