import { ImportJobKind, ImportOrigin, type ImportJobFieldsFragment } from '@/gql/graphql';

type TitledJob = Pick<ImportJobFieldsFragment, 'kind' | 'origin' | 'dryRun'>;

/**
 * Jobs whose name already says what they did ("API upsert of 1,000 products", "Revert of
 * cat.csv", "Deactivate (3 products)"): the name is the whole heading.
 */
const NAMED_FOR_WHAT_THEY_DID: readonly ImportOrigin[] = [
  ImportOrigin.Api,
  ImportOrigin.BulkAction,
  ImportOrigin.Revert,
];

/**
 * What the job page's heading puts before the job's name: "Import of " or "Dry run of " a
 * file, "Feed import of " a feed's file, nothing for a job named for what it did.
 */
export function jobTitlePrefix(job: TitledJob): string {
  if (job.kind === ImportJobKind.Revert || NAMED_FOR_WHAT_THEY_DID.includes(job.origin)) return '';
  if (job.dryRun) return 'Dry run of ';
  return job.origin === ImportOrigin.Feed ? 'Feed import of ' : 'Import of ';
}

/** Where the job came from, for the import history when its name does not say so. */
export function originNote(job: Pick<ImportJobFieldsFragment, 'origin'>): string | null {
  return job.origin === ImportOrigin.Feed ? 'feed' : null;
}
