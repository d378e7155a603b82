import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Notice } from '@/components/ui/notice';
import { ProgressBar } from '@/components/ui/progress-bar';
import { ErrorState, LoadingState } from '@/components/ui/states';
import { StatusBadge } from '@/components/ui/status-badge';
import { describeError } from '@/lib/error-message';
import { formatBytes, formatDateTime, formatDuration, formatNumber } from '@/lib/format';
import { useCancelImport } from '@/features/imports/api/cancel-import';
import { useLiveImportJob } from '@/features/imports/hooks/use-live-import-job';
import { ImportChanges } from '@/features/imports/components/import-changes';
import { ImportErrorsTable } from '@/features/imports/components/import-errors-table';
import { RevertSummary } from '@/features/imports/components/revert-summary';
import { UndoImport } from '@/features/imports/components/undo-import';
import { elapsedMs, importStatusWords, isFinished, remainingMs } from '@/features/imports/lib/import-status';

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

/** One import, live: status in words, progress, counts, time, Cancel, and its first errors. */
export function ImportJobPanel({ id, onStatusChange, onSelect }: { id: string; onStatusChange?: () => void; onSelect?: (id: string) => void }) {
  const { job, errors, mode, loading, notFound, error, refetch } = useLiveImportJob(id);
  const [{ fetching: cancelling }, cancelImport] = useCancelImport();
  const [cancelProblem, setCancelProblem] = useState<string | null>(null);
  const running = job ? !isFinished(job.status) : false;
  const now = useNow(running);
  const status = job?.status;

  useEffect(() => {
    if (status) onStatusChange?.();
  }, [status, onStatusChange]);

  if (loading) return <LoadingState label="Loading the import…" />;
  if (notFound) return <Notice tone="warning">This import no longer exists.</Notice>;
  if (!job) return error ? <ErrorState message={describeError(error)} onRetry={refetch} /> : null;

  const words = importStatusWords(job.status);
  const isRevert = job.kind === 'REVERT';
  const elapsed = elapsedMs(job, now);
  const left = remainingMs(job, now);

  async function cancel() {
    setCancelProblem(null);
    const result = await cancelImport({ id });
    if (result.error) setCancelProblem(describeError(result.error));
    else if (result.data?.cancelImport.__typename === 'OperationInfo') setCancelProblem(result.data.cancelImport.messages.map((m) => m.message).join(' '));
    else refetch();
  }

  return (
    <section className="card" aria-labelledby="job-title" aria-busy={running}>
      <div className="job-head">
        <div>
          <h2 id="job-title">
            {isRevert ? '' : job.dryRun ? 'Dry run of ' : 'Import of '}
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
          {running && (
            <Button variant="danger" onClick={cancel} busy={cancelling}>
              {isRevert ? 'Cancel revert' : 'Cancel import'}
            </Button>
          )}
          {!running && onSelect && <UndoImport job={job} onQueued={onSelect} />}
        </div>
      </div>
      <ProgressBar
        label={isRevert ? 'Revert progress' : 'Import progress'}
        value={job.progress}
        valueText={job.status === 'PENDING' ? 'waiting for earlier imports' : isRevert ? `${formatNumber(job.rowsProcessed)} changes reverted` : `${formatBytes(job.bytesProcessed)} of ${formatBytes(job.fileSize)}`}
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
          <dt>Unchanged</dt>
          <dd>{formatNumber(job.unchangedCount)}</dd>
        </div>
        <div className="stat">
          <dt>Errors</dt>
          <dd>{formatNumber(job.errorCount)}</dd>
        </div>
        <div className="stat">
          <dt>Elapsed</dt>
          <dd>{formatDuration(elapsed)}</dd>
        </div>
        <div className="stat">
          <dt>Time left</dt>
          <dd>{running ? (left == null ? 'estimating…' : `about ${formatDuration(left)}`) : '—'}</dd>
        </div>
      </dl>
      )}
      {cancelProblem && <Notice tone="error">{cancelProblem}</Notice>}
      {job.status === 'FAILED' && job.errorMessage && (
        <Notice tone="error">
          <strong>The file was not imported.</strong> {job.errorMessage} No product was changed.
        </Notice>
      )}
      {job.status === 'CANCELLED' && <Notice tone="warning">Cancelled. Chunks committed before the cancel stay applied.</Notice>}
      {isRevert && job.status === 'COMPLETED' && (
        <Notice tone="success">
          Revert finished: {formatNumber(job.deletedCount)} deleted, {formatNumber(job.restoredCount)} restored, {formatNumber(job.conflictCount)} kept because they were written again
          since.
        </Notice>
      )}
      {!isRevert && job.status === 'COMPLETED' && (
        <Notice tone="success">
          {job.dryRun ? 'Dry run finished; no product was changed: ' : 'Import finished: '}
          {formatNumber(job.createdCount)} created, {formatNumber(job.updatedCount)} updated, {formatNumber(job.unchangedCount)} unchanged, {formatNumber(job.errorCount)} rows
          skipped.
        </Notice>
      )}
      {job.errorCount > 0 && <ImportErrorsTable jobId={job.id} errorCount={job.errorCount} errors={errors} />}
      {!isRevert && !running && job.createdCount + job.updatedCount > 0 && <ImportChanges jobId={job.id} dryRun={job.dryRun} />}
    </section>
  );
}
