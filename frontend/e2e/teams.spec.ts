import { expect, test, type Browser, type Page } from '@playwright/test';
import { goTo, signIn } from './helpers';

const PASSWORD = 'correct-horse-battery-9';

/** Invites `email` with `role` on the People page; returns the link the page shows to copy. */
async function invite(page: Page, email: string, role: string): Promise<string> {
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Role', { exact: true }).selectOption(role);
  await page.getByRole('button', { name: 'Send invitation' }).click();
  const link = page.getByLabel('Invitation link');
  await expect(link).toContainText('/invitation/');
  return (await link.textContent()) ?? '';
}

/** Opens an invitation link in a fresh browser and joins with `username`; returns the signed-in page. */
async function join(browser: Browser, link: string, username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(new URL(link).pathname);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeAttached();
  return page;
}

test('an admin invites an editor and a viewer; each sees what their role allows; the admin reads it all in the log', async ({
  page,
  browser,
}) => {
  await signIn(page, '/people');
  await expect(page.getByRole('heading', { name: 'Invite someone' })).toBeVisible();
  const editorLink = await invite(page, 'edie@example.com', 'EDITOR');
  await expect(page.getByText(/written to the folder/)).toBeVisible(); // embedded mode: files in DATA_DIR
  const viewerLink = await invite(page, 'vic@example.com', 'VIEWER');

  const editor = await join(browser, editorLink, 'edie');
  await editor.goto('/import');
  await editor
    .getByLabel('CSV file')
    .setInputFiles({ name: 'edie.csv', mimeType: 'text/csv', buffer: Buffer.from('sku,name\nEDIE-1,Edie hat\n') });
  await editor.getByRole('button', { name: 'Start import' }).click();
  await expect(editor.getByLabel('Import status')).toHaveText(/Pending|Processing|Completed/);
  await editor.goto('/products');
  await expect(editor.getByRole('button', { name: 'Delete all products' })).toBeDisabled();
  await expect(editor.getByRole('button', { name: 'Delete all products' })).toHaveAttribute(
    'title',
    /Needs the Admin role/,
  );
  await expect(editor.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' })).toHaveCount(0);

  const viewer = await join(browser, viewerLink, 'vic');
  await viewer.goto('/products');
  await expect(viewer.getByRole('table')).toBeVisible();
  await expect(viewer.getByRole('button', { name: /^Edit / })).toHaveCount(0);
  await expect(viewer.getByRole('button', { name: 'New product' })).toHaveCount(0);
  await viewer.goto('/import');
  await expect(viewer.getByText(/can follow imports but not start them/)).toBeVisible();

  await goTo(page, 'Activity');
  const log = page.getByRole('table', { name: 'Activity' });
  await page.getByLabel('Person').selectOption({ label: 'edie' });
  await expect(log.getByRole('row').filter({ hasText: 'person.joined' })).toHaveCount(1);
  await expect(
    log
      .getByRole('row')
      .filter({ hasText: /import\.(started|staged)/ })
      .first(),
  ).toBeVisible();
  await page.getByLabel('Person').selectOption({ label: 'vic' });
  await expect(log.getByRole('row').filter({ hasText: 'person.joined' })).toHaveCount(1);
  await expect(log).not.toContainText('edie');
});
