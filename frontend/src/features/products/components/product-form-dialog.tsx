import { useEffect, useState, type SyntheticEvent } from 'react';
import { useClient } from 'urql';
import { Button } from '@/components/ui/button';
import { CheckboxField } from '@/components/ui/checkbox-field';
import { Dialog, DialogFooter } from '@/components/ui/dialog';
import { Notice } from '@/components/ui/notice';
import { lengthProblem, TextAreaField, TextField } from '@/components/ui/text-field';
import type { ProductFieldsFragment } from '@/gql/graphql';
import { describeError } from '@/lib/error-message';
import { DRAFT_RESTORED_MESSAGE, keepDraft } from '@/lib/form-draft';
import { isUnauthenticated } from '@/lib/graphql-client';
import { splitMessages, type FieldErrors } from '@/lib/operation-info';
import { useCreateProduct } from '@/features/products/api/create-product';
import { CONFLICT_CODE, CurrentProductQuery, useUpdateProduct } from '@/features/products/api/update-product';
import { formatDateTime } from '@/lib/format';
import { ProductProvenance } from '@/features/products/components/product-provenance';
import { useLastManualEdit } from '@/features/products/api/get-last-manual-edit';

const FORM_FIELDS = ['sku', 'name', 'description', 'active'] as const;
const noErrors: FieldErrors = { byField: {}, general: [] };
/** The contract's limit for SKU and name. */
export const TEXT_LIMIT = 255;
/** The key under which an unsaved product form waits for the sign-in (see form-draft). */
export const PRODUCT_DRAFT = 'product';

export interface ProductFormValues {
  sku: string;
  name: string;
  description: string;
  active: boolean;
}

/** What the form keeps when its save meets an expired session. */
export interface ProductDraft {
  product: ProductFieldsFragment | 'new';
  values: ProductFormValues;
}

export interface ProductFormDialogProps {
  /** The product to edit, or "new" to create one; null when closed. */
  product: ProductFieldsFragment | 'new' | null;
  /** Values typed before the session expired, to fill the form with instead of the product's. */
  restored?: ProductFormValues | null;
  onClose: () => void;
  onSaved: (product: ProductFieldsFragment, created: boolean) => void;
}

/** "New product" and "Edit product": the server's validation messages appear next to their field. */
export function ProductFormDialog({ product, restored, onClose, onSaved }: ProductFormDialogProps) {
  const [{ data: editData }] = useLastManualEdit(product && product !== 'new' ? product.id : null);
  const manual = editData?.product?.lastManualEdit;
  const isNew = product === 'new';
  const [sku, setSku] = useState('');
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [active, setActive] = useState(true);
  const [errors, setErrors] = useState<FieldErrors>(noErrors);
  // The version the form's values were loaded from: saving sends its updatedAt, so a save made
  // after someone else's is refused instead of silently putting back what they changed.
  const [base, setBase] = useState<ProductFieldsFragment | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const [reloading, setReloading] = useState(false);
  const client = useClient();
  const [{ fetching: creating }, createProduct] = useCreateProduct();
  const [{ fetching: updating }, updateProduct] = useUpdateProduct();

  useEffect(() => {
    if (!product) return;
    const source = restored ?? (product === 'new' ? null : product);
    setSku(source?.sku ?? '');
    setName(source?.name ?? '');
    setDescription(source?.description ?? '');
    setActive(source?.active ?? true);
    setErrors(noErrors);
    setBase(product === 'new' ? null : product);
    setConflict(null);
  }, [product, restored]);

  async function reload() {
    if (!base) return;
    setReloading(true);
    const result = await client.query(CurrentProductQuery, { id: base.id }, { requestPolicy: 'network-only' });
    setReloading(false);
    const current = result.data?.product;
    if (!current) {
      setErrors({
        byField: {},
        general: [result.error ? describeError(result.error) : 'This product no longer exists.'],
      });
      return;
    }
    setSku(current.sku);
    setName(current.name);
    setDescription(current.description);
    setActive(current.active);
    setBase(current);
    setConflict(null);
    setErrors(noErrors);
  }

  async function submit(event: SyntheticEvent, overwrite = false) {
    event.preventDefault();
    if (!product) return;
    const tooLong = { sku: lengthProblem(sku, TEXT_LIMIT), name: lengthProblem(name, TEXT_LIMIT) };
    if (tooLong.sku || tooLong.name) return; // the fields already say why
    setErrors(noErrors);
    setConflict(null);
    const fields = { sku, name, description, active };
    const version = overwrite || !base ? {} : { expectedUpdatedAt: base.updatedAt };
    const result =
      product === 'new'
        ? await createProduct({ input: fields })
        : await updateProduct({ input: { id: product.id, ...fields, ...version } });
    if (isUnauthenticated(result.error)) {
      // The app is going to the sign-in page: keep what was typed for when the person is back.
      keepDraft<ProductDraft>(PRODUCT_DRAFT, { product, values: fields });
      return;
    }
    if (result.error) {
      setErrors({ byField: {}, general: [describeError(result.error)] });
      return;
    }
    const payload =
      result.data && ('createProduct' in result.data ? result.data.createProduct : result.data.updateProduct);
    if (payload?.__typename === 'OperationInfo') {
      const stale = payload.messages.find((m) => m.code === CONFLICT_CODE);
      if (stale) setConflict(stale.message);
      const others = payload.messages.filter((m) => m !== stale);
      setErrors(splitMessages(others, FORM_FIELDS));
    } else if (payload?.__typename === 'Product') {
      onSaved(payload, product === 'new');
    }
  }

  const title = product === 'new' ? 'New product' : `Edit product ${product?.sku ?? ''}`.trim();
  return (
    <Dialog open={product !== null} onOpenChange={(open) => !open && onClose()} title={title}>
      <form onSubmit={submit} noValidate>
        {restored && <Notice tone="warning">{DRAFT_RESTORED_MESSAGE}</Notice>}
        {errors.general.length > 0 && <Notice tone="error">{errors.general.join(' ')}</Notice>}
        {conflict && (
          <Notice tone="warning">
            {conflict}{' '}
            <Button onClick={reload} busy={reloading}>
              Reload the product
            </Button>{' '}
            <Button onClick={(event) => submit(event, true)} busy={updating}>
              Overwrite
            </Button>
          </Notice>
        )}
        {product && product !== 'new' && (
          <p className="muted">
            Last written by: <ProductProvenance product={product} />
            {product.lastImport && ' (saving your changes makes them yours: an undo of that import then keeps them)'}
            {manual && (
              <>
                {' · '}Last edited by hand by <strong>{manual.actor}</strong>
                {manual.tokenLabel ? ` via token ${manual.tokenLabel}` : ''} on {formatDateTime(manual.at)}
              </>
            )}
          </p>
        )}
        <div className="form-grid">
          <TextField
            label="SKU"
            value={sku}
            onChange={(e) => setSku(e.target.value)}
            errors={errors.byField.sku}
            aria-required="true"
            limit={TEXT_LIMIT}
            autoComplete="off"
          />
          <TextField
            label="Name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            errors={errors.byField.name}
            aria-required="true"
            limit={TEXT_LIMIT}
            autoComplete="off"
          />
          <TextAreaField
            label="Description"
            className="span-2"
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            errors={errors.byField.description}
          />
          <CheckboxField
            label="Active"
            className="span-2"
            checked={active}
            onChange={(e) => setActive(e.target.checked)}
            errors={errors.byField.active}
          />
        </div>
        <DialogFooter>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" busy={creating || updating}>
            {isNew ? 'Create product' : 'Save changes'}
          </Button>
        </DialogFooter>
      </form>
    </Dialog>
  );
}
