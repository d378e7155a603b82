import { useState } from 'react';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { TextField } from '@/components/ui/text-field';
import { describeError } from '@/lib/error-message';
import { plural } from '@/lib/format';
import { useDeleteAllProducts } from '@/features/products/api/delete-all-products';

const CONFIRM_WORD = 'DELETE';

export interface DeleteAllProductsDialogProps {
  open: boolean;
  onClose: () => void;
  totalCount: number | null;
  onDeleted: (deletedCount: number) => void;
}

/** Deleting the whole catalogue needs the word DELETE typed first. */
export function DeleteAllProductsDialog({ open, onClose, totalCount, onDeleted }: DeleteAllProductsDialogProps) {
  const [typed, setTyped] = useState('');
  const [, deleteAll] = useDeleteAllProducts();
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={(next) => {
        if (!next) {
          setTyped('');
          onClose();
        }
      }}
      title="Delete all products?"
      confirmLabel="Delete all products"
      danger
      confirmDisabled={typed !== CONFIRM_WORD}
      onConfirm={async () => {
        const result = await deleteAll({});
        if (result.error) return describeError(result.error);
        setTyped('');
        onDeleted(result.data?.deleteAllProducts.deletedCount ?? 0);
      }}
    >
      <p>
        This removes{' '}
        {totalCount == null ? (
          'every product'
        ) : (
          <strong>{totalCount === 1 ? 'the 1 product' : `all ${plural(totalCount, 'product')}`}</strong>
        )}{' '}
        and cannot be undone. Webhooks receive one <code>products.bulk_deleted</code> event.
      </p>
      <TextField
        label={`Type ${CONFIRM_WORD} to confirm`}
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        hint="Then press Enter or the button below."
        errors={
          typed !== CONFIRM_WORD && typed.trim().toUpperCase() === CONFIRM_WORD
            ? [`Type it in capitals: ${CONFIRM_WORD}.`]
            : undefined
        }
      />
    </ConfirmDialog>
  );
}
