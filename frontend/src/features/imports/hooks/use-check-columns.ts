import { useCallback, useState } from 'react';
import { useMutation } from 'urql';
import type { ImportOptionsInput, ProductField } from '@/gql/graphql';
import { InspectImportMutation } from '@/features/imports/api/inspect-import';
import { StartImportMutation } from '@/features/imports/api/start-import';
import type { StagedJob } from '@/features/imports/api/stage-import';

export const PRODUCT_FIELDS: readonly {
  field: ProductField;
  key: 'sku' | 'name' | 'description' | 'active';
  label: string;
  required: boolean;
}[] = [
  { field: 'SKU', key: 'sku', label: 'SKU', required: true },
  { field: 'NAME', key: 'name', label: 'Name', required: false },
  { field: 'DESCRIPTION', key: 'description', label: 'Description', required: false },
  { field: 'ACTIVE', key: 'active', label: 'Active', required: false },
];

/** Option problems by option name ("delimiter", "mapping.sku", "options", "id"). */
export type OptionErrors = Record<string, string[]>;

/**
 * The "Check columns" step's state: the staged job as last inspected, the options the
 * person changed, and the server's messages on them. Changing an option inspects the
 * stored file again; `start` confirms the options (as a dry run or for real).
 * `initialOptions`: reading options chosen before (a feed's saved ones) that stay in effect.
 */
export function useCheckColumns(initial: StagedJob, initialOptions: ImportOptionsInput = {}) {
  const [job, setJob] = useState<StagedJob>(initial);
  const [options, setOptions] = useState<ImportOptionsInput>(initialOptions);
  const [errors, setErrors] = useState<OptionErrors>({});
  const [inspectState, inspect] = useMutation(InspectImportMutation);
  const [startState, startMutation] = useMutation(StartImportMutation);

  const collect = (messages: readonly { field?: string | null; message: string }[]): OptionErrors => {
    const out: OptionErrors = {};
    for (const m of messages) (out[m.field ?? 'options'] ??= []).push(m.message);
    return out;
  };

  const change = useCallback(
    async (next: ImportOptionsInput) => {
      setOptions(next);
      const result = await inspect({ id: job.id, options: next });
      const payload = result.data?.inspectImport;
      if (!payload) {
        setErrors({ options: [result.error?.message ?? 'The file could not be inspected again.'] });
      } else if (payload.__typename === 'OperationInfo') {
        setErrors(collect(payload.messages));
      } else {
        setErrors({});
        setJob(payload);
      }
    },
    [inspect, job.id],
  );

  const start = useCallback(
    async (dryRun: boolean, sync: ImportOptionsInput = {}): Promise<StagedJob | null> => {
      const result = await startMutation({ id: job.id, options: { ...options, ...sync }, dryRun });
      const payload = result.data?.startImport;
      if (!payload) {
        setErrors({ options: [result.error?.message ?? 'The import could not be started.'] });
        return null;
      }
      if (payload.__typename === 'OperationInfo') {
        setErrors(collect(payload.messages));
        return null;
      }
      return payload;
    },
    [startMutation, job.id, options],
  );

  return { job, options, errors, change, start, busy: inspectState.fetching || startState.fetching };
}

/**
 * The options a staged job was last inspected with, as far as the job shows them (its
 * sync choices included): what a check resumed after a reload starts from, so starting
 * keeps the person's choices.
 */
export function optionsInEffect(job: StagedJob): ImportOptionsInput {
  const options: ImportOptionsInput = {
    mode: job.mode,
    emptyCells: job.emptyCells,
    missing: job.missing,
    missingScope: job.missingScope,
    source: job.source || null,
    maxRemovalPercent: job.maxRemovalPercent,
  };
  if (job.headerRow) options.headerRow = job.headerRow;
  if (job.format === 'XLSX') {
    if (job.sheet) options.sheet = job.sheet;
  } else if (job.format !== 'JSONL') {
    if (job.encoding) options.encoding = job.encoding;
    if (job.delimiter) options.delimiter = job.delimiter;
  }
  if (job.mappingSource === 'CHOSEN' && job.mapping) {
    const { sku, name, description, active } = job.mapping;
    options.mapping = { sku, name, description, active };
  }
  return options;
}
