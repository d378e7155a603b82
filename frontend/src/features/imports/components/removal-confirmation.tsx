import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Notice } from '@/components/ui/notice';
import type { ImportJobFieldsFragment } from '@/gql/graphql';
import { describeError } from '@/lib/error-message';
import { formatNumber } from '@/lib/format';
import { problemText } from '@/lib/operation-info';
import { useCan } from '@/lib/permissions';
import { useCancelImport } from '@/features/imports/api/cancel-import';
import { useConfirmImport } from '@/features/imports/api/confirm-import';

type Held = Pick<
  ImportJobFieldsFragment,
  | 'id'
  | 'missing'
  | 'removalCount'
  | 'removalScopeCount'
  | 'removalSample'
  | 'maxRemovalPercent'
  | 'rowsProcessed'
  | 'errorCount'
>;

/** What the held removal would do, in one sentence naming the numbers. */
export function removalQuestion(job: Held): string {
  const verb = job.missing === 'DELETE' ? 'delete' : 'deactivate';
  const share = job.removalScopeCount > 0 ? Math.round((job.removalCount * 1000) / job.removalScopeCount) / 10 : 100;
  const noValidRow = job.rowsProcessed > 0 && job.rowsProcessed === job.errorCount;
  const why = noValidRow
    ? 'the file has no valid row'
    : `that is ${share}% of them, more than the ${job.maxRemovalPercent}% you allowed without asking`;
  return `This import would ${verb} ${formatNumber(job.removalCount)} of ${formatNumber(job.removalScopeCount)} products because the file does not list them; ${why}.`;
}

/** The guard's question: carry on with the removal, or end the import with nothing removed. */
export function RemovalConfirmation({ job, onDone }: { job: Held; onDone: () => void }) {
  const [, confirmImport] = useConfirmImport();
  const [, cancelImport] = useCancelImport();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const canAnswer = useCan('confirmImport');
  const verb = job.missing === 'DELETE' ? 'Delete' : 'Deactivate';

  async function answer(confirm: boolean) {
    setBusy(true);
    const result = confirm ? await confirmImport({ id: job.id }) : await cancelImport({ id: job.id });
    setBusy(false);
    const data = result.data;
    const payload = !data ? null : 'confirmImport' in data ? data.confirmImport : data.cancelImport;
    if (result.error) setProblem(describeError(result.error));
    else if (payload && payload.__typename === 'OperationInfo') setProblem(problemText(payload));
    else onDone();
  }

  return (
    <section
      role="alertdialog"
      aria-labelledby="removal-title"
      aria-describedby="removal-question"
      className="notice-block"
    >
      <h3 id="removal-title">Confirm the removal</h3>
      <p id="removal-question">{removalQuestion(job)}</p>
      {job.removalSample.length > 0 && (
        <p className="muted">
          For example: <span className="mono">{job.removalSample.join(', ')}</span>
        </p>
      )}
      <p className="muted">
        The rows of the file are already applied; only the removal waits. Later imports wait until you answer.
      </p>
      {problem && <Notice tone="error">{problem}</Notice>}
      {canAnswer ? (
        <div className="dialog-footer" style={{ justifyContent: 'flex-start' }}>
          <Button variant="danger" onClick={() => void answer(true)} disabled={busy}>
            {verb} {formatNumber(job.removalCount)} products
          </Button>
          <Button onClick={() => void answer(false)} disabled={busy}>
            Remove nothing and end the import
          </Button>
        </div>
      ) : (
        <p className="muted">An editor or an admin can confirm the removal or end the import.</p>
      )}
    </section>
  );
}
