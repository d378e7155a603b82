import { Button } from '@/components/ui/button';
import { Notice } from '@/components/ui/notice';
import { ErrorState, LoadingState } from '@/components/ui/states';
import { describeError } from '@/lib/error-message';
import { CheckColumns } from '@/features/imports/components/check-columns';
import { useStagedImport } from '@/features/imports/api/get-staged-import';
import { optionsInEffect } from '@/features/imports/hooks/use-check-columns';
import type { StagedJob } from '@/features/imports/api/stage-import';
import { importStatusWords } from '@/features/imports/lib/import-status';

export interface ResumeCheckProps {
  id: string;
  onStarted: (job: StagedJob) => void;
  onCancelled: () => void;
  /** Shows the job (when it is no longer waiting for its check). */
  onLeave: (id: string) => void;
}

/**
 * The "Check columns" step of the staged import in the URL (`?check=`): loads it, so a
 * reload, Back or History's "Continue checking" finds the file as it was last inspected
 * (its mapping and choices are kept on the job).
 */
export function ResumeCheck({ id, onStarted, onCancelled, onLeave }: ResumeCheckProps) {
  const [{ data, error, fetching }, refetch] = useStagedImport(id);
  if (!data && fetching) return <LoadingState label="Loading the column check…" />;
  if (!data) return error ? <ErrorState message={describeError(error)} onRetry={refetch} /> : null;
  const job = data.importJob;
  if (!job) return <Notice tone="warning">This import no longer exists. Upload the file again.</Notice>;
  if (job.status !== 'STAGED') {
    return (
      <Notice tone="info">
        This import is no longer waiting for its column check ({importStatusWords(job.status).label.toLowerCase()}
        ).{' '}
        <Button size="sm" onClick={() => onLeave(job.id)}>
          Show it
        </Button>
      </Notice>
    );
  }
  return (
    <CheckColumns job={job} initialOptions={optionsInEffect(job)} onStarted={onStarted} onCancelled={onCancelled} />
  );
}
