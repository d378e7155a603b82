import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Notice } from '@/components/ui/notice';
import type { ProductFilter } from '@/gql/graphql';
import { describeError } from '@/lib/error-message';
import { formatNumber, plural } from '@/lib/format';
import { problemText } from '@/lib/operation-info';
import {
  useDeleteSelectedProducts,
  useSetProductsActive,
  useUndoBulkAction,
} from '@/features/products/api/bulk-actions';

type Action = 'activate' | 'deactivate' | 'delete';

const VERBS: Record<Action, { label: string; done: string }> = {
  activate: { label: 'Activate', done: 'Activated' },
  deactivate: { label: 'Deactivate', done: 'Deactivated' },
  delete: { label: 'Delete', done: 'Deleted' },
};

/** At most this many products are deleted by one selection (the server's PRODUCTS_DELETE_MAX default). */
export const DELETE_SELECTION_MAX = 1000;

export interface ProductSelection {
  /** Ids of the products ticked on this page. */
  ids: ReadonlySet<string>;
  /** Every product the filters select, not only the ticked ones. */
  allMatching: boolean;
}

export interface BulkActionsProps {
  selection: ProductSelection;
  /** Products on this page (all of them ticked: offer "all matching"). */
  pageCount: number;
  /** Products the filters select (null while counting). */
  totalCount: number | null;
  filters: ProductFilter | null;
  onSelectAllMatching: () => void;
  onClear: () => void;
  /** After an action or its undo: the rows are fetched again. */
  onChanged: () => void;
}

interface Outcome {
  text: string;
  /** The job whose revert undoes it. */
  jobId: string | null;
}

/**
 * The bar over the table once products are selected: how many, "all N matching", and
 * Activate / Deactivate / Delete, each confirmed with its count. Each is one job with a
 * change log: its notice offers "Undo", which reverts it (a deletion brings the products back).
 */
export function BulkActions({
  selection,
  pageCount,
  totalCount,
  filters,
  onSelectAllMatching,
  onClear,
  onChanged,
}: BulkActionsProps) {
  const [asking, setAsking] = useState<Action | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [undo, setUndo] = useState<{ revertId: string } | { error: string } | null>(null);
  const [, setActive] = useSetProductsActive();
  const [, deleteSelected] = useDeleteSelectedProducts();
  const [{ fetching: undoing }, undoAction] = useUndoBulkAction();
  const count = selection.allMatching ? (totalCount ?? 0) : selection.ids.size;
  const filtered = filters !== null;
  const deleteRefusal =
    selection.allMatching && count > DELETE_SELECTION_MAX
      ? `Delete works on at most ${formatNumber(DELETE_SELECTION_MAX)} selected products; deactivate them instead, or use “Delete all products”.`
      : null;

  async function confirm(action: Action): Promise<string | void> {
    if (action === 'delete') {
      const ids = [...selection.ids];
      if (selection.allMatching && deleteRefusal) return deleteRefusal;
      const result = await deleteSelected({ ids });
      if (result.error) return describeError(result.error);
      const payload = result.data?.deleteProducts;
      if (payload?.__typename === 'OperationInfo') return problemText(payload);
      if (payload?.__typename === 'DeleteProductsResult') {
        setOutcome({ text: `Deleted ${plural(payload.deletedCount, 'product')}.`, jobId: payload.job?.id ?? null });
      }
    } else {
      const target = selection.allMatching ? { filters: filters ?? {} } : { ids: [...selection.ids] };
      const result = await setActive({ active: action === 'activate', ...target });
      if (result.error) return describeError(result.error);
      const payload = result.data?.setProductsActive;
      if (payload?.__typename === 'OperationInfo') return problemText(payload);
      if (payload?.__typename === 'SetProductsActiveResult') {
        const changed = payload.changedCount;
        setOutcome({
          text:
            changed === 0
              ? `Nothing to ${action}: every selected product was ${action}d already.`
              : `${VERBS[action].done} ${plural(changed, 'product')}.`,
          jobId: payload.job?.id ?? null,
        });
      }
    }
    setUndo(null);
    onClear();
    onChanged();
  }

  async function undoLast() {
    if (!outcome?.jobId) return;
    const result = await undoAction({ id: outcome.jobId });
    const payload = result.data?.revertImport;
    if (result.error) setUndo({ error: describeError(result.error) });
    else if (payload?.__typename === 'OperationInfo') setUndo({ error: problemText(payload) });
    else if (payload?.__typename === 'ImportJob') setUndo({ revertId: payload.id });
    onChanged();
  }

  const selected = count > 0;
  const offerAll = !selection.allMatching && selection.ids.size === pageCount && (totalCount ?? 0) > pageCount;

  return (
    <>
      {outcome && (
        <Notice tone="success">
          {outcome.text}{' '}
          {outcome.jobId && !undo && (
            <Button size="sm" onClick={undoLast} busy={undoing}>
              Undo
            </Button>
          )}
          {undo && 'revertId' in undo && (
            <>
              Undoing it: products nothing changed since are put back as they were.{' '}
              <a href={`/import?job=${encodeURIComponent(undo.revertId)}`}>Follow the undo</a>
            </>
          )}
          {undo && 'error' in undo && <span role="alert">{undo.error}</span>}
        </Notice>
      )}
      {selected && (
        <div className="bulk-bar" role="region" aria-label="Selected products">
          <strong>
            {selection.allMatching
              ? `All ${formatNumber(count)} ${filtered ? 'matching ' : ''}products selected`
              : `${plural(count, 'product')} selected`}
          </strong>
          {offerAll && (
            <Button size="sm" onClick={onSelectAllMatching}>
              {`Select all ${formatNumber(totalCount)} ${filtered ? 'products matching this filter' : 'products'}`}
            </Button>
          )}
          <span className="bulk-bar-actions">
            <Button size="sm" onClick={() => setAsking('activate')}>
              Activate
            </Button>
            <Button size="sm" onClick={() => setAsking('deactivate')}>
              Deactivate
            </Button>
            <Button
              size="sm"
              variant="danger"
              disabled={deleteRefusal !== null}
              title={deleteRefusal ?? undefined}
              aria-description={deleteRefusal ?? undefined}
              onClick={() => setAsking('delete')}
            >
              Delete
            </Button>
            <Button size="sm" variant="ghost" onClick={onClear}>
              Clear selection
            </Button>
          </span>
        </div>
      )}
      <ConfirmDialog
        open={asking !== null}
        onOpenChange={(open) => !open && setAsking(null)}
        title={asking ? `${VERBS[asking].label} ${plural(count, 'product')}?` : ''}
        confirmLabel={asking ? `${VERBS[asking].label} ${plural(count, 'product')}` : ''}
        danger={asking === 'delete'}
        onConfirm={() => confirm(asking!)}
      >
        {asking === 'delete' ? (
          <p>
            This deletes {plural(count, 'selected product')} at once (one webhook event); you can undo it from the
            notice that follows.
          </p>
        ) : (
          <p>
            {selection.allMatching
              ? `Every product ${filtered ? 'matching the filters' : 'in the catalogue'} (${formatNumber(count)}) `
              : `The ${plural(count, 'selected product')} `}
            {asking === 'activate' ? 'become active' : 'become inactive'}, as one action you can undo; those already{' '}
            {asking === 'activate' ? 'active' : 'inactive'} are left as they are.
          </p>
        )}
      </ConfirmDialog>
    </>
  );
}
