import { useEffect, useState } from 'react';
import { useCan } from '@/lib/permissions';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Notice } from '@/components/ui/notice';
import { ProgressBar } from '@/components/ui/progress-bar';
import { ErrorState, LoadingState } from '@/components/ui/states';
import { StatusBadge } from '@/components/ui/status-badge';
import { describeError } from '@/lib/error-message';
import type { ImportJobFieldsFragment } from '@/gql/graphql';
import { formatBytes, formatDateTime, formatDuration, formatNumber, plural } from '@/lib/format';
import { problemText } from '@/lib/operation-info';
import { useCancelImport } from '@/features/imports/api/cancel-import';
import { useLiveImportJob } from '@/features/imports/hooks/use-live-import-job';
import { useFocusOnMount } from '@/lib/use-focus-on-mount';
import { ImportChanges } from '@/features/imports/components/import-changes';
import { ImportErrorsTable } from '@/features/imports/components/import-errors-table';
import { RevertSummary } from '@/features/imports/components/revert-summary';
import { UndoImport } from '@/features/imports/components/undo-import';
import { RemovalConfirmation } from '@/features/imports/components/removal-confirmation';
import { ImportAgain } from '@/features/imports/components/import-again';
import { StagedJobPanel } from '@/features/imports/components/staged-job-panel';
import { SyncStats, syncSummary } from '@/features/imports/components/sync-stats';
import { elapsedMs, importStatusWords, isFinished, remainingMs } from '@/features/imports/lib/import-status';
import { jobTitlePrefix } from '@/features/imports/lib/job-title';

/** Ticks once a second while `running`, for the elapsed time and the estimate. */
function useNow(running: boolean) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [running]);
  return now;
}

/** What cancelling this job means for the catalogue, in plain words. */
export function cancelConsequence(
  job: Pick<ImportJobFieldsFragment, 'status' | 'dryRun' | 'createdCount' | 'updatedCount'>,
): string {
  if (job.dryRun) return 'A dry run changes no product: cancelling only stops the check.';
  if (job.status === 'PENDING') return 'It has not started: no product has been changed, and none will be.';
  const changed = job.createdCount + job.updatedCount;
  // Rows are written in batches of about a second of work each; a cancel lets the batch being
  // written finish (it is kept) and stops the job before the next one.
  const batch =
    'Cancelling stops it within about a second: the rows being written at that moment (at most about a ' +
    'second of work) are still written and kept; nothing after them is.';
  if (changed === 0) return `No product has been changed so far. ${batch}`;
  return (
    `${plural(changed, 'product')} ${changed === 1 ? 'has' : 'have'} already been changed ` +
    `(${formatNumber(job.createdCount)} created, ${formatNumber(job.updatedCount)} updated) ` +
    `and ${changed === 1 ? 'stays' : 'stay'} changed. ${batch} Cancelling does not undo what is done.`
  );
}

/** The summary of a finished job; a dry run speaks in "would" throughout. */
export function finishedSummary(
  job: Pick<
    ImportJobFieldsFragment,
    'dryRun' | 'createdCount' | 'updatedCount' | 'unchangedCount' | 'replacedCount' | 'errorCount'
  >,
): string {
  const skipped = `${plural(job.errorCount, 'row')}`;
  const replaced = `${plural(job.replacedCount, 'row')}`;
  if (job.dryRun) {
    return (
      `Dry run finished; no product was changed. Importing this file would create ${formatNumber(job.createdCount)}, ` +
      `update ${formatNumber(job.updatedCount)} and leave ${formatNumber(job.unchangedCount)} unchanged; ` +
      `${replaced} would be replaced by a later row for the same SKU and ${skipped} would be skipped.`
    );
  }
  return (
    `Import finished: ${formatNumber(job.createdCount)} created, ${formatNumber(job.updatedCount)} updated, ` +
    `${formatNumber(job.unchangedCount)} unchanged, ` +
    `${replaced} replaced by a later row for the same SKU, ${skipped} skipped.`
  );
}

export interface ImportJobPanelProps {
  id: string;
  onStatusChange?: () => void;
  /** Every new snapshot of the job, so the history row shows the same live numbers. */
  onJob?: (job: ImportJobFieldsFragment) => void;
  /** Opens another job (the revert an Undo queued). */
  onSelect?: (id: string) => void;
  /** The person just started this job here: its heading takes the keyboard focus. */
  focusTitle?: boolean;
  /** Opens the column check of a staged job. */
  onContinue?: (id: string) => void;
}

/** One import, live: status in words, progress, counts, time, Cancel, and its first errors. */
export function ImportJobPanel({
  id,
  onStatusChange,
  onJob,
  onSelect,
  onContinue,
  focusTitle = false,
}: ImportJobPanelProps) {
  const titleRef = useFocusOnMount<HTMLHeadingElement>(focusTitle);
  const { job, errors, mode, loading, notFound, error, refetch } = useLiveImportJob(id);
  const [, cancelImport] = useCancelImport();
  const [confirmCancel, setConfirmCancel] = useState(false);
  const canImport = useCan('cancelImport');
  // A staged job waits for its column check: it is not running (no progress, no time left).
  const running = job ? !isFinished(job.status) && job.status !== 'STAGED' : false;
  const now = useNow(running);
  const status = job?.status;

  useEffect(() => {
    if (status) onStatusChange?.();
  }, [status, onStatusChange]);

  useEffect(() => {
    if (job) onJob?.(job);
  }, [job, onJob]);

  if (loading) return <LoadingState label="Loading the import…" />;
  if (notFound) return <Notice tone="warning">This import no longer exists.</Notice>;
  if (!job) return error ? <ErrorState message={describeError(error)} onRetry={refetch} /> : null;

  const words = importStatusWords(job.status);
  const isRevert = job.kind === 'REVERT';
  const elapsed = elapsedMs(job, now);
  const left = remainingMs(job, now);

  async function cancel(): Promise<string | void> {
    const result = await cancelImport({ id });
    if (result.error) return describeError(result.error);
    if (result.data?.cancelImport.__typename === 'OperationInfo') return problemText(result.data.cancelImport);
    refetch();
  }
  const dry = job.dryRun;
  if (job.status === 'STAGED') {
    return (
      <StagedJobPanel
        job={job}
        titleRef={titleRef}
        onContinue={canImport ? onContinue : undefined}
        onDiscard={canImport ? cancel : undefined}
      />
    );
  }

  return (
    <section className="card" aria-labelledby="job-title" aria-busy={running}>
      <div className="job-head">
        <div>
          <h2 id="job-title" ref={titleRef} tabIndex={-1}>
            {jobTitlePrefix(job)}
            <span className="mono">{job.fileName}</span>
          </h2>
          <p className="muted">
            {formatBytes(job.fileSize)} · submitted {formatDateTime(job.createdAt)}
            {running && (mode === 'live' ? ' · live' : ' · updating every second')}
          </p>
        </div>
        <div className="page-actions">
          <span aria-label="Import status">
            <StatusBadge label={words.label} tone={words.tone} />
          </span>
          {running && canImport && (
            <Button variant="danger" onClick={() => setConfirmCancel(true)}>
              {isRevert ? 'Cancel revert' : 'Cancel import'}
            </Button>
          )}
          {!running && onSelect && canImport && <UndoImport job={job} onQueued={onSelect} />}
        </div>
      </div>
      <ProgressBar
        label={isRevert ? 'Revert progress' : 'Import progress'}
        value={job.progress}
        valueText={
          job.status === 'PENDING'
            ? 'waiting for earlier imports'
            : isRevert
              ? `${plural(job.rowsProcessed, 'change')} checked`
              : `${formatBytes(job.bytesProcessed)} of ${formatBytes(job.fileSize)}`
        }
      />
      {isRevert ? (
        <RevertSummary job={job} />
      ) : (
        <dl className="stats">
          <div className="stat">
            <dt>Rows processed</dt>
            <dd>{formatNumber(job.rowsProcessed)}</dd>
          </div>
          <div className="stat">
            <dt>{job.dryRun ? 'Would create' : 'Created'}</dt>
            <dd>{formatNumber(job.createdCount)}</dd>
          </div>
          <div className="stat">
            <dt>{job.dryRun ? 'Would update' : 'Updated'}</dt>
            <dd>{formatNumber(job.updatedCount)}</dd>
          </div>
          <div className="stat">
            <dt>{dry ? 'Would stay unchanged' : 'Unchanged'}</dt>
            <dd>{formatNumber(job.unchangedCount)}</dd>
          </div>
          <div className="stat" title="Rows whose SKU appears again later in the file: the last row for a SKU wins.">
            <dt>{dry ? 'Would be replaced by a later row' : 'Replaced by a later row'}</dt>
            <dd>{formatNumber(job.replacedCount)}</dd>
          </div>
          <div className="stat">
            <dt>{dry ? 'Would be skipped' : 'Errors'}</dt>
            <dd>{formatNumber(job.errorCount)}</dd>
          </div>
          <SyncStats job={job} />
          <div className="stat">
            <dt>Elapsed</dt>
            <dd>{formatDuration(elapsed)}</dd>
          </div>
          <div className="stat">
            <dt>Time left</dt>
            <dd>
              {job.status === 'PENDING'
                ? 'waiting for earlier imports'
                : running
                  ? left == null
                    ? 'estimating…'
                    : `about ${formatDuration(left)}`
                  : '—'}
            </dd>
          </div>
        </dl>
      )}
      {job.status === 'PENDING' && (
        <Notice tone="info">
          Queued: imports run one at a time, in the order they were sent; this one starts when the earlier ones have
          finished.
        </Notice>
      )}
      {job.status === 'FAILED' && job.errorMessage && (
        <Notice tone="error">
          <strong>The file was not imported.</strong> {job.errorMessage} No product was changed.
        </Notice>
      )}
      {job.status === 'CANCELLED' && (
        <Notice tone="warning">
          {dry
            ? 'Cancelled. A dry run changes no product.'
            : job.createdCount + job.updatedCount > 0
              ? `Cancelled. The ${plural(job.createdCount + job.updatedCount, 'product')} changed before the cancel ` +
                `(${formatNumber(job.createdCount)} created, ${formatNumber(job.updatedCount)} updated) stay changed; ` +
                'the rest of the file was not imported.'
              : 'Cancelled before any product was changed.'}
        </Notice>
      )}
      {isRevert && job.status === 'COMPLETED' && (
        <Notice tone="success">
          Revert finished: {formatNumber(job.deletedCount)} deleted, {formatNumber(job.restoredCount)} restored,{' '}
          {plural(job.conflictCount, 'conflict')} (kept as they are: written again or deleted since).
        </Notice>
      )}
      {!isRevert && job.status === 'COMPLETED' && (
        <Notice tone="success">
          {finishedSummary(job)}
          {syncSummary(job)}
          {job.notice && <> {job.notice}</>}
        </Notice>
      )}
      {dry && job.fileKeptUntil && canImport && onSelect && <ImportAgain job={job} onQueued={onSelect} />}
      {job.status === 'NEEDS_CONFIRMATION' && <RemovalConfirmation job={job} onDone={refetch} />}
      <ConfirmDialog
        open={confirmCancel && running}
        onOpenChange={setConfirmCancel}
        title={dry ? 'Cancel this dry run?' : 'Cancel this import?'}
        confirmLabel={dry ? 'Cancel dry run' : 'Cancel import'}
        cancelLabel={!job.startedAt ? 'Keep it queued' : dry ? 'Keep checking' : 'Keep importing'}
        danger
        onConfirm={cancel}
      >
        <p>{cancelConsequence(job)}</p>
      </ConfirmDialog>
      {job.errorCount > 0 && <ImportErrorsTable jobId={job.id} errorCount={job.errorCount} errors={errors} />}
      {!isRevert && !running && job.createdCount + job.updatedCount + job.deactivatedCount + job.deletedCount > 0 && (
        <ImportChanges jobId={job.id} dryRun={job.dryRun} />
      )}
    </section>
  );
}
