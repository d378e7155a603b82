import type { BadgeTone } from '@/components/ui/status-badge';
import type { DeliveryFieldsFragment, WebhookEventType } from '@/gql/graphql';

/** Every event a webhook can subscribe to, with its wire name (the `type` in the body). */
export const EVENT_TYPES: readonly { value: WebhookEventType; wire: string; label: string }[] = [
  { value: 'PRODUCT_CREATED', wire: 'product.created', label: 'Product created' },
  { value: 'PRODUCT_UPDATED', wire: 'product.updated', label: 'Product updated' },
  { value: 'PRODUCT_DELETED', wire: 'product.deleted', label: 'Product deleted' },
  { value: 'PRODUCTS_BULK_DELETED', wire: 'products.bulk_deleted', label: 'All products deleted' },
  { value: 'IMPORT_FINISHED', wire: 'import.finished', label: 'Import finished' },
];

export function wireName(event: WebhookEventType): string {
  return EVENT_TYPES.find((e) => e.value === event)?.wire ?? event;
}

type DeliveryStatus = DeliveryFieldsFragment['status'];

const deliveryWords: Record<DeliveryStatus, { label: string; tone: BadgeTone }> = {
  PENDING: { label: 'Pending', tone: 'neutral' },
  SUCCEEDED: { label: 'Succeeded', tone: 'success' },
  RETRYING: { label: 'Retrying', tone: 'warning' },
  FAILED: { label: 'Failed', tone: 'danger' },
};

export function deliveryStatusWords(status: DeliveryStatus) {
  return deliveryWords[status];
}

/** A JSON body pretty-printed when it is JSON, else as it came. */
export function prettyBody(body: string | null | undefined): string {
  if (!body) return '';
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}
