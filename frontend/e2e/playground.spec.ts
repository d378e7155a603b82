import { expect, test, type Request } from '@playwright/test';
import { E2E_USERNAME } from './backend.mjs';
import { signIn } from './helpers';

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost']);

/** True for URLs on this machine (and for data:/blob: URLs, which never leave the page). */
function isLocal(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return protocol === 'data:' || protocol === 'blob:' || LOCAL_HOSTS.has(hostname);
}

test('the GraphQL playground works on a closed network: renders, runs a query with the session, shows the docs', async ({
  page,
  context,
}) => {
  // Every request to another host is blocked, and noted: the test fails if any was even attempted.
  const attemptedElsewhere: string[] = [];
  await context.route('**/*', async (route) => {
    if (isLocal(route.request().url())) await route.continue();
    else {
      attemptedElsewhere.push(route.request().url());
      await route.abort('blockedbyclient');
    }
  });
  const seen: string[] = [];
  context.on('request', (request: Request) => seen.push(request.url()));
  page.on('websocket', (socket) => seen.push(socket.url()));
  const policyViolations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) policyViolations.push(message.text());
  });

  await signIn(page);
  await page.goto('/graphql/');

  // GraphiQL renders: its editor, the run button and the query builder (explorer) plugin.
  const runButton = page.getByRole('button', { name: /execute query/i });
  await expect(runButton).toBeVisible();
  const queryEditor = page.locator('.graphiql-query-editor .monaco-editor').first();
  await expect(queryEditor).toBeVisible();
  await expect(page.getByRole('button', { name: 'Show GraphiQL Explorer' })).toBeVisible();

  // Type a query over the example and run it: the answer comes with the signed-in user.
  await queryEditor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText('{ me { username } }');
  await runButton.click();
  const response = page.locator('.graphiql-response');
  await expect(response).toContainText(`"username": "${E2E_USERNAME}"`);

  // The schema docs: open the documentation explorer and reach the Product type.
  await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
  const docs = page.getByRole('region', { name: 'Documentation Explorer' });
  await expect(docs).toContainText('Root Types');
  await docs.getByRole('link', { name: 'Query' }).first().click();
  await expect(docs).toContainText('products');
  await docs.getByRole('link', { name: 'Product', exact: true }).first().click();
  await expect(docs.getByRole('link', { name: 'Go back to Query' })).toBeVisible();
  await expect(docs).toContainText('Product');
  await expect(docs).toContainText('sku: String!');

  expect(attemptedElsewhere).toEqual([]);
  expect(seen.filter((url) => !isLocal(url))).toEqual([]);
  expect(seen.some((url) => url.includes('/assets/playground-'))).toBe(true);
  expect(policyViolations).toEqual([]);
});
