import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { CheckColumns } from '@/features/imports/components/check-columns';
import type { StagedJob } from '@/features/imports/api/stage-import';
import { importJob } from '@/features/imports/test/import-job';
import { createMockClient, operationName, withProviders } from '@/test/mock-client';

const cell = (field: string, column: string | null, value: string, problem: string | null = null) => ({
  __typename: 'ImportPreviewCell',
  field,
  column,
  value,
  problem,
});

function stagedJob(overrides: Record<string, unknown> = {}): StagedJob {
  return {
    ...importJob({ id: 'SW1wb3J0Sm9iOjc=', status: 'STAGED', fileName: 'lieferant.csv', fileSize: 120 }),
    format: 'CSV',
    compression: null,
    encoding: 'cp1252',
    delimiter: ',',
    sheet: null,
    sheetNames: [],
    headerRow: 1,
    headers: ['Artikel;Name;Aktiv'],
    rowEstimate: 2,
    mappingSource: 'DETECTED',
    mapping: { __typename: 'ColumnMapping', sku: null, name: null, description: null, active: null },
    suggestedMapping: { __typename: 'ColumnMapping', sku: null, name: null, description: null, active: null },
    mappingProblem: {
      __typename: 'ImportMappingProblem',
      field: 'mapping.sku',
      code: 'required',
      message: "The header (line 1) has no 'sku' column.",
    },
    columnNotes: [],
    previewRows: [{ __typename: 'ImportPreviewRow', line: 2, values: ['A-1;Eins;ja'], problem: null, cells: [] }],
    ...overrides,
  } as unknown as StagedJob;
}

const semicolons = stagedJob({
  delimiter: ';',
  headers: ['Artikel', 'Name', 'Aktiv'],
  mapping: { __typename: 'ColumnMapping', sku: null, name: 'Name', description: null, active: null },
  mappingProblem: {
    __typename: 'ImportMappingProblem',
    field: 'mapping.sku',
    code: 'required',
    message: 'Choose the column that holds the sku.',
  },
  previewRows: [{ __typename: 'ImportPreviewRow', line: 2, values: ['A-1', 'Eins', 'ja'], problem: null, cells: [] }],
});

const mapped = stagedJob({
  delimiter: ';',
  headers: ['Artikel', 'Name', 'Aktiv'],
  mappingSource: 'CHOSEN',
  mapping: { __typename: 'ColumnMapping', sku: 'Artikel', name: 'Name', description: null, active: 'Aktiv' },
  mappingProblem: null,
  columnNotes: [{ __typename: 'ColumnNote', field: 'NAME', note: "'Name' was taken (its name is 'name')" }],
  previewRows: [
    {
      __typename: 'ImportPreviewRow',
      line: 2,
      values: ['A-1', 'Eins', 'yes'],
      problem: null,
      cells: [cell('SKU', 'Artikel', 'A-1'), cell('NAME', 'Name', 'Eins'), cell('ACTIVE', 'Aktiv', 'TRUE')],
    },
    {
      __typename: 'ImportPreviewRow',
      line: 3,
      values: ['A-2', 'Zwei', 'ja'],
      problem: "active is 'ja'; use true/false",
      cells: [
        cell('SKU', 'Artikel', 'A-2'),
        cell('NAME', 'Name', 'Zwei'),
        cell('ACTIVE', 'Aktiv', 'ja', "active is 'ja'; use true/false"),
      ],
    },
  ],
});

describe('Check columns step', () => {
  it('changes the detected delimiter and the mapping with the keyboard, marks bad cells, then starts a dry run', async () => {
    const onStarted = vi.fn();
    const { client, operations } = createMockClient((op) => {
      const name = operationName(op);
      if (name === 'InspectImport') {
        const options = (op.variables as { options: unknown }).options as {
          delimiter?: string;
          mapping?: { sku: string | null };
        };
        if (options.mapping?.sku === 'Name') {
          return {
            inspectImport: {
              __typename: 'OperationInfo',
              messages: [
                {
                  __typename: 'OperationMessage',
                  kind: 'VALIDATION',
                  field: 'mapping.sku',
                  code: 'duplicate_column',
                  message: "The column 'Name' is already mapped to name.",
                },
              ],
            },
          };
        }
        return { inspectImport: options.mapping ? mapped : semicolons };
      }
      if (name === 'StartImport') return { startImport: { ...mapped, status: 'PENDING', dryRun: true } };
      return {};
    });
    render(withProviders(<CheckColumns job={stagedJob()} onStarted={onStarted} onCancelled={vi.fn()} />, client));
    const user = userEvent.setup();

    expect(screen.getByRole('heading', { name: 'Check columns' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Encoding' })).toHaveValue('cp1252');
    expect(screen.getByRole('alert')).toHaveTextContent("no 'sku' column");

    // Delimiter: comma -> semicolon re-inspects the stored file.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Delimiter' }), 'Semicolon (;)');
    await waitFor(() =>
      expect(
        within(screen.getByRole('combobox', { name: 'File column for SKU' })).getByRole('option', { name: 'Artikel' }),
      ).toBeInTheDocument(),
    );
    expect(operations.filter((o) => operationName(o) === 'InspectImport').at(-1)!.variables).toEqual({
      id: 'SW1wb3J0Sm9iOjc=',
      options: { delimiter: ';' },
    });

    // A mapping the server refuses says so next to its field.
    const skuSelect = screen.getByRole('combobox', { name: 'File column for SKU' });
    await user.selectOptions(skuSelect, 'Name');
    expect(await screen.findByText("The column 'Name' is already mapped to name.")).toBeInTheDocument();

    // The right one: preview shows each cell as it would be imported, the bad one marked.
    await user.selectOptions(skuSelect, 'Artikel');
    const preview = await screen.findByRole('table', { name: /The first 2 rows as they would be imported/ });
    const bad = within(preview).getByText('ja').closest('td')!;
    expect(bad).toHaveClass('cell-bad');
    expect(bad).toHaveTextContent("Problem: active is 'ja'; use true/false");
    expect(screen.getByRole('table', { name: /Columns/ })).toHaveTextContent("'Name' was taken");
    expect(
      (operations.filter((o) => operationName(o) === 'InspectImport').at(-1)!.variables as { options: unknown })
        .options,
    ).toEqual({
      delimiter: ';',
      mapping: { sku: 'Artikel', name: 'Name', description: null, active: null },
    });

    // Keyboard: Tab to "Dry run" and press Enter.
    const dryRun = screen.getByRole('button', { name: 'Dry run' });
    dryRun.focus();
    await user.keyboard('{Enter}');
    await waitFor(() =>
      expect(onStarted).toHaveBeenCalledWith(expect.objectContaining({ status: 'PENDING', dryRun: true })),
    );
    const start = operations.find((o) => operationName(o) === 'StartImport')!;
    expect(start.variables).toEqual({
      id: 'SW1wb3J0Sm9iOjc=',
      dryRun: true,
      options: { delimiter: ';', mapping: { sku: 'Artikel', name: 'Name', description: null, active: null } },
    });
  });

  it('offers the sheets of a workbook instead of encoding and delimiter', async () => {
    const book = stagedJob({
      format: 'XLSX',
      encoding: null,
      delimiter: null,
      sheet: 'Products',
      sheetNames: ['Products', 'Prices'],
    });
    const { client, operations } = createMockClient(() => ({ inspectImport: { ...book, sheet: 'Prices' } }));
    render(withProviders(<CheckColumns job={book} onStarted={vi.fn()} onCancelled={vi.fn()} />, client));
    expect(screen.queryByRole('combobox', { name: 'Delimiter' })).not.toBeInTheDocument();
    await userEvent.setup().selectOptions(screen.getByRole('combobox', { name: 'Sheet' }), 'Prices');
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Sheet' })).toHaveValue('Prices'));
    expect(operations[0].variables).toEqual({ id: book.id, options: { sheet: 'Prices' } });
  });

  it('for a feed: starts from its saved options and hands back the columns and choices instead of starting', async () => {
    const onUse = vi.fn();
    const { client, operations } = createMockClient(() => ({ inspectImport: mapped }));
    render(
      withProviders(
        <CheckColumns
          job={mapped}
          onCancelled={vi.fn()}
          initialOptions={{ delimiter: ';', mode: 'UPDATE_ONLY', missing: 'DEACTIVATE', missingScope: 'SOURCE' }}
          ownSource="this feed"
          use={{ label: 'Use these columns', onUse }}
        />,
        client,
      ),
    );
    const user = userEvent.setup();

    expect(screen.queryByRole('button', { name: 'Start import' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Dry run' })).not.toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Rows in the file' })).toHaveValue('UPDATE_ONLY');
    expect(screen.getByRole('combobox', { name: 'Which products may be removed' })).toHaveDisplayValue(
      'Only products this feed imported',
    );
    expect(screen.queryByRole('textbox', { name: 'Source' })).not.toBeInTheDocument();

    await user.selectOptions(screen.getByRole('combobox', { name: 'An empty cell' }), 'KEEP');
    await waitFor(() => expect(operations).toHaveLength(1));
    await user.click(screen.getByRole('button', { name: 'Use these columns' }));

    expect(onUse).toHaveBeenCalledWith({
      delimiter: ';',
      emptyCells: 'KEEP',
      mode: 'UPDATE_ONLY',
      missing: 'DEACTIVATE',
      missingScope: 'SOURCE',
      mapping: { sku: 'Artikel', name: 'Name', description: null, active: 'Aktiv' },
    });
    expect(operations.every((o) => operationName(o) !== 'StartImport')).toBe(true);
  });

  it('shows a dry run chosen before the check and offers both actions, the dry run first', async () => {
    const onStarted = vi.fn();
    const chosen = { ...mapped, dryRun: true } as StagedJob;
    const { client, operations } = createMockClient((op) =>
      operationName(op) === 'StartImport' ? { startImport: { ...chosen, status: 'PENDING' } } : {},
    );
    render(withProviders(<CheckColumns job={chosen} onStarted={onStarted} onCancelled={vi.fn()} />, client));
    expect(screen.getByText(/You chose a dry run/)).toBeInTheDocument();
    const dryRun = screen.getByRole('button', { name: 'Dry run' });
    const start = screen.getByRole('button', { name: 'Start import' });
    expect(dryRun).toHaveClass('btn-primary');
    expect(start).not.toHaveClass('btn-primary');
    await userEvent.setup().click(dryRun);
    await waitFor(() => expect(onStarted).toHaveBeenCalled());
    expect(operations.find((o) => operationName(o) === 'StartImport')!.variables).toMatchObject({ dryRun: true });
  });
});
