import { ImportChangeKind } from '@/gql/graphql';

const WORDS: Record<ImportChangeKind, [string, string]> = {
  [ImportChangeKind.Created]: ['Created', 'Would create'],
  [ImportChangeKind.Updated]: ['Updated', 'Would update'],
  [ImportChangeKind.Deactivated]: ['Deactivated (not in the file)', 'Would deactivate'],
  [ImportChangeKind.Deleted]: ['Deleted (not in the file)', 'Would delete'],
};

/** What a change-log entry did to its product, in words (a dry run: would). */
export function changeKindWords(kind: ImportChangeKind, dryRun: boolean): string {
  return WORDS[kind][dryRun ? 1 : 0];
}
