import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import type { ImportJobFieldsFragment } from '@/gql/graphql';
import { describeError } from '@/lib/error-message';
import { plural } from '@/lib/format';
import { problemText } from '@/lib/operation-info';
import { useRevertImport } from '@/features/imports/api/revert-import';
import { useRevertPreview } from '@/features/imports/api/get-revert-preview';

export interface RevertCounts {
  deleteCount: number;
  restoreCount: number;
  conflictCount: number;
}

/**
 * What undoing an import does now, from the products that still hold what it wrote (no "the
 * 0 products", and nothing promised for products deleted or written again since).
 */
export function undoEffect({ deleteCount, restoreCount, conflictCount }: RevertCounts): string[] {
  const parts = [
    deleteCount > 0 && `deletes ${plural(deleteCount, 'product')} the import created`,
    restoreCount > 0 && `puts back the earlier values of ${plural(restoreCount, 'product')} it changed`,
  ].filter(Boolean);
  const conflicts =
    conflictCount === 1
      ? '1 product was written again or deleted since: it is kept as it is and listed as a conflict.'
      : `${plural(conflictCount, 'product')} were written again or deleted since: they are kept as they are and listed as conflicts.`;
  if (parts.length === 0) {
    return conflictCount > 0
      ? ['Nothing the import wrote is still in the catalogue, so undoing it changes no product.', conflicts]
      : ['The import changed no product that is still there.'];
  }
  return [`This ${parts.join(' and ')}.`, ...(conflictCount > 0 ? [conflicts] : [])];
}

function UndoEffect({ id }: { id: string }) {
  const [{ data, error, fetching }] = useRevertPreview(id, false);
  const preview = data?.importJob?.revertPreview;
  if (preview) {
    return (
      <>
        {undoEffect(preview).map((sentence) => (
          <p key={sentence}>{sentence}</p>
        ))}
      </>
    );
  }
  if (fetching || (!error && !data)) return <p className="muted">Counting what undoing it would change…</p>;
  return (
    <p className="muted">
      Products that still hold what the import wrote get their earlier values back (or are deleted if it created them);
      products written again since are kept as they are and listed as conflicts.
    </p>
  );
}

/**
 * "Undo import": asks first, saying what the revert will do, then queues it and
 * hands the revert job to `onQueued` (the page then shows its live progress).
 * When the import cannot be reverted, says why instead.
 */
export function UndoImport({ job, onQueued }: { job: ImportJobFieldsFragment; onQueued: (revertId: string) => void }) {
  const [open, setOpen] = useState(false);
  const [, revertImport] = useRevertImport();
  if (job.kind !== 'IMPORT' || job.dryRun) return null;
  if (job.revertBlockedReason) {
    return <p className="muted">{job.revertBlockedReason}</p>;
  }

  async function confirm(): Promise<string | void> {
    const result = await revertImport({ id: job.id });
    if (result.error) return describeError(result.error);
    const payload = result.data?.revertImport;
    if (payload?.__typename === 'OperationInfo') return problemText(payload);
    if (payload?.__typename === 'ImportJob') onQueued(payload.id);
  }

  return (
    <>
      <Button variant="danger" onClick={() => setOpen(true)}>
        Undo import
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={`Undo the import of ${job.fileName}?`}
        confirmLabel="Undo import"
        danger
        onConfirm={confirm}
      >
        {open && <UndoEffect id={job.id} />}
      </ConfirmDialog>
    </>
  );
}
