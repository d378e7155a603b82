import type { ImportJobFieldsFragment } from '@/gql/graphql';
import { SYNC_DEFAULTS } from '@/test/import-sync-defaults';

/**
 * An import job as the server sends it (every field of ImportJobFields): a pending,
 * untouched `products.csv` with the default sync options, changed by `overrides`. For the
 * imports feature's component tests.
 */
export function importJob(
  overrides: Partial<ImportJobFieldsFragment> = {},
): ImportJobFieldsFragment & { __typename: 'ImportJob' } {
  return {
    __typename: 'ImportJob',
    id: 'SW1wb3J0Sm9iOjE=',
    status: 'PENDING',
    fileName: 'products.csv',
    fileSize: 1000,
    dryRun: false,
    progress: 0,
    bytesProcessed: 0,
    rowsProcessed: 0,
    createdCount: 0,
    updatedCount: 0,
    unchangedCount: 0,
    replacedCount: 0,
    errorCount: 0,
    errorMessage: null,
    notice: null,
    createdAt: '2026-01-02T10:00:00Z',
    startedAt: null,
    finishedAt: null,
    kind: 'IMPORT',
    origin: 'UPLOAD',
    deletedCount: 0,
    restoredCount: 0,
    conflictCount: 0,
    revertBlockedReason: null,
    changesKeptUntil: null,
    fileKeptUntil: null,
    reverts: null,
    ...SYNC_DEFAULTS,
    ...overrides,
  };
}
