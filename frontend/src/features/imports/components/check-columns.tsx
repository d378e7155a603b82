import { LongText } from '@/components/ui/long-text';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useMutation } from 'urql';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { Notice } from '@/components/ui/notice';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import type { ColumnMappingInput, ImportOptionsInput } from '@/gql/graphql';
import { useCancelImport } from '@/features/imports/api/cancel-import';
import { useFocusOnMount } from '@/lib/use-focus-on-mount';
import { PRODUCT_FIELDS, useCheckColumns } from '@/features/imports/hooks/use-check-columns';
import type { StagedJob } from '@/features/imports/api/stage-import';
import { SyncChoices, type SyncChoicesValue } from '@/features/imports/components/sync-choices';
import { ChooseImportSyncMutation } from '@/features/imports/api/choose-import-sync';

const DELIMITERS = [
  { value: ',', label: 'Comma (,)' },
  { value: ';', label: 'Semicolon (;)' },
  { value: '\t', label: 'Tab' },
  { value: '|', label: 'Pipe (|)' },
];

const ENCODINGS = [
  { value: 'utf-8', label: 'UTF-8' },
  { value: 'utf-8-sig', label: 'UTF-8 with BOM' },
  { value: 'utf-16-le', label: 'UTF-16 LE (Excel Unicode text)' },
  { value: 'utf-16-be', label: 'UTF-16 BE' },
  { value: 'cp1252', label: 'Windows-1252 (Western Europe)' },
  { value: 'cp1250', label: 'Windows-1250 (Central Europe)' },
  { value: 'iso8859-2', label: 'ISO-8859-2 (Latin-2)' },
  { value: 'iso8859-15', label: 'ISO-8859-15 (Latin-9)' },
  { value: 'mac-roman', label: 'Mac Roman' },
];

const NOT_IMPORTED = '';

export interface CheckColumnsProps {
  job: StagedJob;
  onStarted?: (job: StagedJob) => void;
  onCancelled: () => void;
  /** Options chosen before (a feed's saved ones): the step starts from them. */
  initialOptions?: ImportOptionsInput;
  /**
   * Given: the step ends with this button instead of Start and Dry run, and hands over the
   * options chosen, the columns in effect included (a feed saves them for its runs).
   */
  use?: { label: string; onUse: (options: ImportOptionsInput) => void | Promise<void> };
  /** The products' owner is fixed (a feed): see SyncChoices. */
  ownSource?: string;
}

const SYNC_KEYS = ['mode', 'emptyCells', 'missing', 'missingScope', 'source', 'maxRemovalPercent'] as const;

function splitOptions(options: ImportOptionsInput): [ImportOptionsInput, SyncChoicesValue] {
  const reading: ImportOptionsInput = { ...options };
  const sync: SyncChoicesValue = {};
  for (const key of SYNC_KEYS) {
    if (options[key] != null) Object.assign(sync, { [key]: options[key] });
    delete reading[key];
  }
  return [reading, sync];
}

/**
 * The "Check columns" step of an import: what was detected (each choice changeable,
 * which inspects the stored file again), the mapping as file column -> product field,
 * and the first rows as they would be imported with bad cells marked; then Start or Dry run.
 */
export function CheckColumns({
  job: staged,
  onStarted,
  onCancelled,
  initialOptions,
  use,
  ownSource,
}: CheckColumnsProps) {
  const [initialReading, initialSync] = splitOptions(initialOptions ?? {});
  const { job, options, errors, change, start, busy } = useCheckColumns(staged, initialReading);
  const [, cancelImport] = useCancelImport();
  const [, chooseImportSync] = useMutation(ChooseImportSyncMutation);
  // One save at a time, the latest choices last (typing a source sends one per keystroke).
  const saving = useRef<Promise<unknown>>(Promise.resolve());
  const unsaved = useRef<SyncChoicesValue | null>(null);
  const keepSync = (next: SyncChoicesValue) => {
    unsaved.current = next;
    saving.current = saving.current.then(() => {
      const choices = unsaved.current;
      unsaved.current = null;
      return choices && chooseImportSync({ id: staged.id, options: choices });
    });
  };
  const titleRef = useFocusOnMount<HTMLHeadingElement>();
  // What the person is typing in "Header row"; null shows the row in effect.
  const [headerDraft, setHeaderDraft] = useState<string | null>(null);
  const [sync, setSync] = useState<SyncChoicesValue>(initialSync);
  const headerRow = headerDraft ?? String(options.headerRow ?? job.headerRow ?? 1);
  // The person's choices so far win over the last inspection's (which may have refused them).
  const shown = options.mapping ?? job.mapping;
  const mapping: ColumnMappingInput = {
    sku: shown?.sku ?? null,
    name: shown?.name ?? null,
    description: shown?.description ?? null,
    active: shown?.active ?? null,
  };
  const notes = new Map(job.columnNotes.map((n) => [n.field, n.note]));
  // Workbooks and JSON Lines (always UTF-8, one object a line) have no encoding or delimiter to choose.
  const isText = job.format !== 'XLSX' && job.format !== 'JSONL';
  const encodings =
    ENCODINGS.some((e) => e.value === job.encoding) || !job.encoding
      ? ENCODINGS
      : [...ENCODINGS, { value: job.encoding, label: job.encoding }];

  const set = (patch: ImportOptionsInput) => {
    // A new sheet has its own header row: let it be found again unless typed.
    const next = { ...options, ...patch };
    if (patch.sheet !== undefined && patch.headerRow === undefined) delete next.headerRow;
    void change(next);
  };
  const applyHeaderRow = () => {
    if (headerDraft === null) return;
    const row = Number(headerDraft);
    setHeaderDraft(null);
    if (row !== (options.headerRow ?? job.headerRow)) set({ headerRow: Number.isInteger(row) ? row : 0 });
  };
  const onHeaderKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      applyHeaderRow();
    }
  };

  // Empty cells change how the preview reads a row: inspect again. The other choices are kept
  // on the staged job (a reload starts from them); their problems show when the import starts.
  const chooseSync = (next: SyncChoicesValue) => {
    setSync(next);
    if ((next.emptyCells ?? 'CLEAR') !== (sync.emptyCells ?? 'CLEAR')) set({ emptyCells: next.emptyCells });
    else if (!use) keepSync(next);
  };

  async function go(dryRun: boolean) {
    const started = await start(dryRun, sync);
    if (started) onStarted?.(started);
  }

  async function cancel() {
    await cancelImport({ id: job.id });
    onCancelled();
  }

  return (
    <section className="card check-columns" aria-labelledby="check-columns-title" aria-busy={busy}>
      <h2 id="check-columns-title" ref={titleRef} tabIndex={-1}>
        Check columns
      </h2>
      <p className="muted">
        <strong>{job.fileName}</strong>:{' '}
        {job.format === 'XLSX'
          ? 'Excel workbook'
          : `${job.compression ? 'gzip-compressed ' : ''}${job.format === 'JSONL' ? 'JSON Lines' : 'text (CSV)'}`}
        {job.rowEstimate != null && `, about ${job.rowEstimate.toLocaleString()} rows`}.{' '}
        {use
          ? 'Nothing is imported now: the feed’s runs use what you choose here.'
          : 'Nothing is imported until you start.'}
      </p>

      <fieldset className="check-options">
        <legend>How the file is read</legend>
        {isText ? (
          <>
            <div>
              <SelectField
                label="Encoding"
                value={job.encoding ?? 'utf-8'}
                options={encodings}
                onChange={(e) => set({ encoding: e.target.value })}
                disabled={busy}
              />
              <FieldError id="encoding-error" messages={errors.encoding} />
            </div>
            <div>
              <SelectField
                label="Delimiter"
                value={job.delimiter ?? ','}
                options={DELIMITERS}
                onChange={(e) => set({ delimiter: e.target.value })}
                disabled={busy}
              />
              <FieldError id="delimiter-error" messages={errors.delimiter} />
            </div>
          </>
        ) : (
          <div>
            <SelectField
              label="Sheet"
              value={job.sheet ?? ''}
              options={job.sheetNames.map((s) => ({ value: s, label: s }))}
              onChange={(e) => set({ sheet: e.target.value })}
              disabled={busy}
            />
            <FieldError id="sheet-error" messages={errors.sheet} />
          </div>
        )}
        <TextField
          label="Header row"
          type="number"
          min={1}
          inputMode="numeric"
          hint={isText ? 'The line that holds the column names.' : 'The sheet row that holds the column names.'}
          value={headerRow}
          onChange={(e) => setHeaderDraft(e.target.value)}
          onBlur={applyHeaderRow}
          onKeyDown={onHeaderKey}
          errors={errors.headerRow}
          disabled={busy}
        />
      </fieldset>

      <table className="mapping-table">
        <caption>
          Columns: which file column fills each product field
          {job.mappingSource === 'SAVED' && ' (as you confirmed last time for these columns)'}
        </caption>
        <thead>
          <tr>
            <th scope="col">Product field</th>
            <th scope="col">File column</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {PRODUCT_FIELDS.map(({ field, key, label, required }) => {
            const fieldErrors = errors[`mapping.${key}`];
            return (
              <tr key={field}>
                <th scope="row">
                  {label}
                  {required && <span className="muted"> (required)</span>}
                </th>
                <td>
                  <SelectField
                    label={`File column for ${label}`}
                    className="label-hidden"
                    value={mapping[key] ?? NOT_IMPORTED}
                    options={[
                      { value: NOT_IMPORTED, label: required ? '— choose a column —' : '— not imported —' },
                      ...job.headers.map((h) => ({ value: h, label: h })),
                    ]}
                    onChange={(e) => set({ mapping: { ...mapping, [key]: e.target.value || null } })}
                    aria-invalid={fieldErrors?.length ? true : undefined}
                    disabled={busy}
                  />
                  <FieldError id={`mapping-${key}-error`} messages={fieldErrors} />
                </td>
                <td className="muted">{notes.get(field) ?? ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {job.mappingProblem && !errors[job.mappingProblem.field] && (
        <Notice tone="error">{job.mappingProblem.message}</Notice>
      )}
      {errors.options && <Notice tone="error">{errors.options.join(' ')}</Notice>}
      {errors.id && <Notice tone="error">{errors.id.join(' ')}</Notice>}

      <SyncChoices value={sync} onChange={chooseSync} errors={errors} disabled={busy} ownSource={ownSource} />

      <PreviewTable job={job} />

      {!use && (
        <p className="muted" id="check-columns-choice">
          {job.dryRun
            ? 'You chose a dry run: it counts what the import would create, update, skip and remove, and changes no product. Start import instead to import for real.'
            : 'Start import imports the file; a dry run only counts what it would do and changes no product.'}
        </p>
      )}
      <div className="dialog-footer" style={{ justifyContent: 'flex-start' }}>
        {use ? (
          <Button variant="primary" onClick={() => void use.onUse({ ...options, mapping, ...sync })} disabled={busy}>
            {use.label}
          </Button>
        ) : (
          <>
            <Button
              variant={job.dryRun ? undefined : 'primary'}
              onClick={() => void go(false)}
              disabled={busy}
              aria-describedby="check-columns-choice"
            >
              Start import
            </Button>
            <Button
              variant={job.dryRun ? 'primary' : undefined}
              onClick={() => void go(true)}
              disabled={busy}
              aria-describedby="check-columns-choice"
            >
              Dry run
            </Button>
          </>
        )}
        <Button onClick={() => void cancel()} disabled={busy}>
          Cancel
        </Button>
      </div>
    </section>
  );
}

function PreviewTable({ job }: { job: StagedJob }) {
  const shown = PRODUCT_FIELDS.filter((f) => job.previewRows.some((r) => r.cells.some((c) => c.field === f.field)));
  if (job.previewRows.length === 0) return <p className="muted">The file has no rows below the header.</p>;
  return (
    <div className="table-scroll">
      <table className="preview-table">
        <caption>The first {job.previewRows.length} rows as they would be imported</caption>
        <thead>
          <tr>
            <th scope="col">Line</th>
            {shown.length
              ? shown.map((f) => (
                  <th scope="col" key={f.field}>
                    {f.label}
                  </th>
                ))
              : job.headers.map((h) => (
                  <th scope="col" key={h}>
                    {h}
                  </th>
                ))}
            <th scope="col">Problem</th>
          </tr>
        </thead>
        <tbody>
          {job.previewRows.map((row) => (
            <tr key={row.line} className={row.problem ? 'row-bad' : undefined}>
              <th scope="row">{row.line}</th>
              {shown.length
                ? shown.map((f) => {
                    const cell = row.cells.find((c) => c.field === f.field);
                    if (!cell) return <td key={f.field} />;
                    return (
                      <td key={f.field} className={cell.problem ? 'cell-bad' : undefined}>
                        <LongText text={cell.value} />
                        {cell.problem && (
                          <span className="cell-problem">
                            <span aria-hidden="true"> ⚠ </span>
                            <span className="visually-hidden">Problem: </span>
                            {cell.problem}
                          </span>
                        )}
                      </td>
                    );
                  })
                : row.values.map((v, i) => (
                    <td key={i}>
                      <LongText text={v} />
                    </td>
                  ))}
              <td>{row.cells.some((c) => c.problem) ? '' : (row.problem ?? '')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
