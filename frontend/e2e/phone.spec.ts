import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import {
  deleteAllProducts,
  expectAccessible,
  expectEventBoxesBesideLabels,
  goTo,
  graphqlRequest,
  SCREENSHOT_DIR,
  seedProducts,
  signIn,
} from './helpers';

// Runs in the "phone" project (390x844, touch): what a person on a phone sees and reaches.
test.describe.configure({ mode: 'serial' });

const seed = Array.from({ length: 30 }, (_, i) => ({
  sku: `PHONE-${String(i + 1).padStart(3, '0')}-WITH-A-RATHER-LONG-SKU`,
  name: `A product name long enough to wrap on a narrow screen, number ${i + 1}`,
  description: 'Shown on wide screens only',
}));

/** Nothing on the page, and no table, scrolls sideways. */
async function expectNoSidewaysScroll(page: Page) {
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    viewport: window.innerWidth,
    tables: Array.from(document.querySelectorAll<HTMLElement>('.table-wrap')).map(
      (el) => el.scrollWidth - el.clientWidth,
    ),
  }));
  expect(widths.page, 'page width').toBeLessThanOrEqual(widths.viewport);
  for (const overflow of widths.tables) expect(overflow, 'a table scrolls sideways').toBeLessThanOrEqual(1);
}

/** The element is fully inside the viewport's width (no part cut off on the right). */
async function expectWithinWidth(page: Page, locator: ReturnType<Page['locator']>) {
  const box = await locator.boundingBox();
  const width = page.viewportSize()!.width;
  expect(box, 'element is rendered').not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(width);
}

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  await signIn(page);
  await deleteAllProducts(page);
  await seedProducts(page, seed);
  await page.close();
});

test('products on a phone: compact menu, cards with every action in view, the first product above the fold', async ({
  page,
}) => {
  await signIn(page, '/products');
  await expect(page.getByText('30 products', { exact: true })).toBeVisible();

  // The header is one line with a Menu button, not three lines of links.
  const header = (await page.locator('header').boundingBox())!;
  expect(header.height).toBeLessThanOrEqual(60);
  const menu = page.getByRole('button', { name: /^Menu/ });
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();

  const rows = page.getByRole('table', { name: 'Products' }).locator('tbody tr');
  await expect(rows).toHaveCount(25);
  const first = (await rows.first().boundingBox())!;
  expect(first.y + first.height, 'the first product is on the first screen').toBeLessThanOrEqual(844);
  for (let i = 0; i < 25; i += 1) {
    for (const name of ['Edit', 'Delete']) {
      const button = rows.nth(i).getByRole('button', { name: new RegExp(`^${name} `) });
      await expect(button).toBeVisible();
      await expectWithinWidth(page, button);
    }
  }
  await expect(rows.first().locator('td[data-label="Updated"]')).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectAccessible(page, 'the products page on a phone');
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'products-phone.png'), scale: 'css' });

  // Filters are folded behind a button; unfolded they work as on a desktop.
  const toggle = page.getByRole('button', { name: /^Filters( \(\d+\))?$/ });
  await expect(page.getByRole('search').getByLabel('SKU')).toBeHidden();
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await page.getByRole('search').getByLabel('SKU').fill('PHONE-007');
  await expect(page.getByText('1 matching product', { exact: true })).toBeVisible();
  await page.getByLabel('Sort by').selectOption('-sku');
  await expect(page).toHaveURL(/sort=-sku/);
  await expectAccessible(page, 'the products page with the filters open');

  // A dialog fits the screen, starts on its first field, and gives focus back.
  const edit = rows.first().getByRole('button', { name: /^Edit / });
  await edit.click();
  const dialog = page.getByRole('dialog', { name: /Edit product PHONE-007/ });
  await expectWithinWidth(page, dialog);
  await expect(dialog.getByLabel('SKU')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(edit).toBeFocused();

  // The menu opens, names every page, and takes the person there.
  await menu.click();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  for (const name of ['Import', 'Products', 'Webhooks', 'API tokens'])
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name })).toBeVisible();
  await expectAccessible(page, 'the open menu');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Webhooks' }).click();
  await expect(page.getByRole('heading', { name: 'Webhooks', level: 1 })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
});

test('import history and the deliveries dialog fit a phone', async ({ page }) => {
  await signIn(page, '/import');
  await page.getByLabel('CSV file').setInputFiles({
    name: 'phone.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('sku,name\nPH-1,One\nPH-2,Two\n,no sku\n'),
  });
  await page.getByRole('button', { name: 'Start import' }).click();
  await expect(page.getByLabel('Import status')).toHaveText('Completed', { timeout: 60_000 });
  const history = page.getByRole('table', { name: 'Import history' });
  const row = history.getByRole('row', { name: /phone\.csv/ }).first();
  await expect(row).toContainText('Completed');
  await expectWithinWidth(page, row.getByRole('button', { name: /^View/ }));
  await expectNoSidewaysScroll(page);
  await expectAccessible(page, 'the import page on a phone');

  const made = await graphqlRequest<{ createWebhook: { id: string } }>(
    page,
    'mutation($input: WebhookInput!) { createWebhook(input: $input) { ... on Webhook { id } } }',
    { input: { url: 'http://127.0.0.1:9/phone-hook', events: ['PRODUCT_CREATED'], description: 'Phone check' } },
  );
  try {
    await graphqlRequest(page, 'mutation($id: ID!) { testWebhook(id: $id) { __typename } }', {
      id: made.createWebhook.id,
    });
    await goTo(page, 'Webhooks');
    const card = page.getByRole('article', { name: 'http://127.0.0.1:9/phone-hook' });
    await expectNoSidewaysScroll(page);
    await card.getByRole('button', { name: 'Deliveries' }).click();
    const log = page.getByRole('dialog', { name: /Deliveries to/ });
    const delivery = log.getByRole('row', { name: /webhook\.test/ }).first();
    await expect(delivery).toBeVisible();
    await expectWithinWidth(page, log);
    await expectWithinWidth(page, delivery.getByRole('button', { name: 'Redeliver' }));
    await expectWithinWidth(page, delivery.getByRole('button', { name: 'Details' }));
    await expectNoSidewaysScroll(page);
    await expectAccessible(page, 'the deliveries dialog on a phone');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Add webhook' }).click();
    await expectEventBoxesBesideLabels(page);
    await page.keyboard.press('Escape');
  } finally {
    await graphqlRequest(page, 'mutation($id: ID!) { deleteWebhook(id: $id) { __typename } }', {
      id: made.createWebhook.id,
    });
  }
});
