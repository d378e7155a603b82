import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import type { ProductFieldsFragment } from '@/gql/graphql';
import { describeError } from '@/lib/error-message';
import { problemText } from '@/lib/operation-info';
import { useDeleteProduct } from '@/features/products/api/delete-product';

export interface DeleteProductDialogProps {
  product: ProductFieldsFragment | null;
  onClose: () => void;
  onDeleted: (sku: string) => void;
}

/** Asks before deleting one product, naming it. */
export function DeleteProductDialog({ product, onClose, onDeleted }: DeleteProductDialogProps) {
  const [, deleteProduct] = useDeleteProduct();
  return (
    <ConfirmDialog
      open={product !== null}
      onOpenChange={(open) => !open && onClose()}
      title={`Delete product ${product?.sku ?? ''}?`}
      confirmLabel="Delete product"
      danger
      onConfirm={async () => {
        if (!product) return;
        const result = await deleteProduct({ id: product.id });
        if (result.error) return describeError(result.error);
        const payload = result.data?.deleteProduct;
        if (payload?.__typename === 'OperationInfo') return problemText(payload);
        onDeleted(product.sku);
      }}
    >
      <p>
        “{product?.name}” will be removed for good. Webhooks receive a <code>product.deleted</code> event.
      </p>
    </ConfirmDialog>
  );
}
