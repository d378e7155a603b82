import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { graphqlRequest, signIn } from './helpers';

const FRONTEND = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PYTHON = process.env.E2E_PYTHON ?? path.join(FRONTEND, '..', '.venv', 'bin', 'python');

/** A German Excel "CSV": Windows-1252, semicolons, CRLF, accents; one bad active value. */
function windows1252Csv(): Buffer {
  const text = [
    'Artikelnummer;Bezeichnung;Beschreibung;Aktiv',
    'E2E-CAF;Café crème;Tasse 0,2 l;yes',
    'E2E-MUE;Kaffeemühle Öko;Größe 20 cm;vielleicht',
    '',
  ].join('\r\n');
  // Latin-1 bytes equal Windows-1252 for these letters.
  return Buffer.from(text, 'latin1');
}

/** An .xlsx workbook written by openpyxl (the backend's own Python): a title row, two sheets. */
function workbook(): Buffer {
  const script = [
    'import io, sys, datetime',
    'from openpyxl import Workbook',
    'b = Workbook(); s = b.active; s.title = "Notes"; s.append(["nothing here"])',
    'p = b.create_sheet("Catalogue")',
    'p.append(["Spring price list"]); p.append([])',
    'p.append(["Item Code", "Product Name", "Long Description", "Enabled"])',
    'p.append([4711, "Cologne", datetime.date(2024, 5, 1), True])',
    'p.append(["E2E-X2", "Second", 2.5, False])',
    'o = io.BytesIO(); b.save(o); sys.stdout.buffer.write(o.getvalue())',
  ].join('\n');
  return execFileSync(PYTHON, ['-c', script]);
}

async function product(page: Page, sku: string) {
  const data = await graphqlRequest<{ productBySku: { name: string; description: string; active: boolean } | null }>(
    page,
    'query($sku: String!) { productBySku(sku: $sku) { name description active } }',
    { sku },
  );
  return data.productBySku;
}

test.describe.configure({ mode: 'serial' });

test('a semicolon Windows-1252 CSV: check columns, map them, start', async ({ page }) => {
  await signIn(page, '/import');
  await page
    .getByLabel('CSV file')
    .setInputFiles({ name: 'lieferant.csv', mimeType: 'text/csv', buffer: windows1252Csv() });
  await page.getByRole('button', { name: 'Check columns' }).click();

  const step = page.getByRole('region', { name: 'Check columns' });
  await expect(step).toBeVisible();
  await expect(step.getByRole('combobox', { name: 'Encoding' })).toHaveValue('cp1252');
  await expect(step.getByRole('combobox', { name: 'Delimiter' })).toHaveValue(';');
  // German column names are recognised: the mapping is filled in, no column is missing.
  await expect(step.getByRole('combobox', { name: 'File column for SKU' })).toHaveValue('Artikelnummer');
  await expect(step.getByRole('combobox', { name: 'File column for Name' })).toHaveValue('Bezeichnung');
  await expect(step.getByRole('combobox', { name: 'File column for Description' })).toHaveValue('Beschreibung');
  await expect(step.getByRole('combobox', { name: 'File column for Active' })).toHaveValue('Aktiv');

  const preview = step.getByRole('table', { name: /as they would be imported/ });
  await expect(preview).toContainText('Café crème');
  const bad = preview.locator('td.cell-bad');
  await expect(bad).toHaveCount(1);
  await expect(bad).toContainText("active is 'vielleicht'");

  await step.getByRole('button', { name: 'Start import' }).click();
  await expect(page.getByLabel('Import status')).toHaveText('Completed', { timeout: 60_000 });
  expect(await product(page, 'E2E-CAF')).toEqual({ name: 'Café crème', description: 'Tasse 0,2 l', active: true });
  expect(await product(page, 'E2E-MUE')).toBeNull();

  // The confirmed mapping is suggested for the same columns next time.
  await page
    .getByLabel('CSV file')
    .setInputFiles({ name: 'lieferant-2.csv', mimeType: 'text/csv', buffer: windows1252Csv() });
  await page.getByRole('button', { name: 'Check columns' }).click();
  await expect(page.getByRole('combobox', { name: 'File column for SKU' })).toHaveValue('Artikelnummer');
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Check columns' })).toBeVisible();
});

test('an .xlsx workbook: choose the sheet, a wrong then the right header row, then start', async ({ page }) => {
  await signIn(page, '/import');
  await page.getByLabel('CSV file').setInputFiles({
    name: 'catalogue.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: workbook(),
  });
  await page.getByRole('button', { name: 'Check columns' }).click();
  const step = page.getByRole('region', { name: 'Check columns' });
  // The first sheet has no SKU and name columns: the first sheet that has them is read.
  await expect(step.getByRole('combobox', { name: 'Sheet' })).toHaveValue('Catalogue');
  await expect(step.getByRole('spinbutton', { name: 'Header row' })).toHaveValue('3');
  await expect(step.getByRole('combobox', { name: 'File column for SKU' })).toHaveValue('Item Code');
  const preview = step.getByRole('table', { name: /as they would be imported/ });
  await expect(preview).toContainText('4711');
  await expect(preview).toContainText('2024-05-01');
  await expect(preview.locator('td.cell-bad')).toHaveCount(0);

  // A header row that is not one says so on the field.
  const headerRow = step.getByRole('spinbutton', { name: 'Header row' });
  await headerRow.fill('2');
  await headerRow.press('Enter');
  await expect(step.getByText(/Row 2 of the sheet|blank or inside/)).toBeVisible();
  await headerRow.fill('3');
  await headerRow.press('Enter');
  await expect(step.getByText(/Row 2 of the sheet|blank or inside/)).toHaveCount(0);

  await step.getByRole('button', { name: 'Start import' }).click();
  await expect(page.getByLabel('Import status')).toHaveText('Completed', { timeout: 60_000 });
  expect(await product(page, '4711')).toEqual({ name: 'Cologne', description: '2024-05-01', active: true });
  expect(await product(page, 'E2E-X2')).toEqual({ name: 'Second', description: '2.5', active: false });
});

test('a dry run chosen before the check stays a dry run; the check is resumed from History after a reload; the same file is then imported', async ({
  page,
}) => {
  await signIn(page, '/import');
  const text = ['Code;Titel;Text', 'E2E-DRY-1;Erster;eins', 'E2E-DRY-2;Zweiter;zwei', ''].join('\r\n');
  await page
    .getByLabel('CSV file')
    .setInputFiles({ name: 'resume.csv', mimeType: 'text/csv', buffer: Buffer.from(text, 'latin1') });
  await page.getByLabel('Dry run').check();
  await page.getByRole('button', { name: 'Check columns' }).click();
  const step = page.getByRole('region', { name: 'Check columns' });
  await expect(step.getByText(/You chose a dry run/)).toBeVisible();
  await step.getByRole('combobox', { name: 'File column for SKU' }).selectOption('Code');
  await expect(step.getByRole('table', { name: /as they would be imported/ })).toContainText('E2E-DRY-1');
  expect(page.url()).toContain('check=');

  // A reload keeps the step, with the column chosen.
  await page.reload();
  await expect(step.getByRole('combobox', { name: 'File column for SKU' })).toHaveValue('Code');
  // Away and back through History: the staged upload waits there, without progress.
  await page.goto('/import');
  const row = page.getByRole('row', { name: /resume\.csv/ }).first();
  await expect(row).toContainText('nothing imported until its columns are checked');
  await row.getByRole('button', { name: /Continue checking/ }).click();
  await expect(step.getByRole('combobox', { name: 'File column for SKU' })).toHaveValue('Code');

  await step.getByRole('button', { name: 'Dry run' }).click();
  await expect(page.getByLabel('Import status')).toHaveText('Completed', { timeout: 60_000 });
  await expect(page.getByRole('heading', { name: /Dry run of resume\.csv/ })).toBeVisible();
  expect(await product(page, 'E2E-DRY-1')).toBeNull(); // a dry run writes nothing

  await page.getByRole('button', { name: 'Import this file now with the same settings' }).click();
  await expect(page.getByRole('heading', { name: /Import of resume\.csv/ })).toBeVisible();
  await expect(page.getByLabel('Import status')).toHaveText('Completed', { timeout: 60_000 });
  // 'Text' is not a column name the importer knows, and it was left unmapped: no description.
  expect(await product(page, 'E2E-DRY-1')).toEqual({ name: 'Erster', description: '', active: true });
});
