import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import type { ImportJobFieldsFragment } from '@/gql/graphql';
import { describeError } from '@/lib/error-message';
import { plural } from '@/lib/format';
import { problemText } from '@/lib/operation-info';
import { useRevertImport } from '@/features/imports/api/revert-import';

/** What undoing an import does, in words that fit its counts (no "the 0 products"). */
export function undoEffect(created: number, updated: number): string {
  const parts = [
    created > 0 && `deletes the ${plural(created, 'product')} the import created`,
    updated > 0 && `puts back the earlier values of the ${plural(updated, 'product')} it updated`,
  ].filter(Boolean);
  return parts.length ? `This ${parts.join(' and ')}.` : 'The import created and updated no products.';
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
        <p>{undoEffect(job.createdCount, job.updatedCount)}</p>
        <p className="muted">
          Products written again since (edited by a person or an API token, changed by a later import, or deleted) are
          kept as they are and listed.
        </p>
      </ConfirmDialog>
    </>
  );
}
