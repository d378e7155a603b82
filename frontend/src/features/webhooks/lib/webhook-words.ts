import type { BadgeTone } from '@/components/ui/status-badge';
import { WebhookEventType, type DeliveryFieldsFragment } from '@/gql/graphql';

/**
 * Each event type's wire name (the `type` in the delivered body) and label. Keyed by the
 * schema's enum, so an event type added to or removed from the schema fails the type check.
 */
const eventWords: Record<WebhookEventType, { wire: string; label: string }> = {
  PRODUCT_CREATED: { wire: 'product.created', label: 'Product created' },
  PRODUCT_UPDATED: { wire: 'product.updated', label: 'Product updated' },
  PRODUCT_DELETED: { wire: 'product.deleted', label: 'Product deleted' },
  PRODUCTS_BULK_DELETED: { wire: 'products.bulk_deleted', label: 'All products deleted' },
  IMPORT_FINISHED: { wire: 'import.finished', label: 'Import finished' },
  IMPORT_REVERTED: { wire: 'import.reverted', label: 'Import reverted' },
  FEED_DISABLED: { wire: 'feed.disabled', label: 'Feed disabled' },
};

/** Every event a webhook can subscribe to (the schema's `WebhookEventType`), by wire name. */
export const EVENT_TYPES: readonly { value: WebhookEventType; wire: string; label: string }[] = Object.values(
  WebhookEventType,
)
  .map((value) => ({ value, ...eventWords[value] }))
  .sort((a, b) => a.wire.localeCompare(b.wire));

export function wireName(event: WebhookEventType): string {
  return eventWords[event]?.wire ?? event;
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
