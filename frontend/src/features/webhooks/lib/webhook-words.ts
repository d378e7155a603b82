import type { BadgeTone } from '@/components/ui/status-badge';
import { WebhookEventType, type DeliveryFieldsFragment } from '@/gql/graphql';

/**
 * Each event type's wire name (the `type` in the delivered body), label and when it is sent.
 * Keyed by the schema's enum, so an event type added to or removed from the schema fails the
 * type check.
 */
const eventWords: Record<WebhookEventType, { wire: string; label: string; hint: string }> = {
  PRODUCT_CREATED: {
    wire: 'product.created',
    label: 'Product created',
    hint: 'One per product created by hand or through the API (imports send their summary).',
  },
  PRODUCT_UPDATED: {
    wire: 'product.updated',
    label: 'Product updated',
    hint: 'One per product edited by hand or through the API; not sent for each product an import changes.',
  },
  PRODUCT_DELETED: {
    wire: 'product.deleted',
    label: 'Product deleted',
    hint: 'One per product deleted on its own.',
  },
  PRODUCTS_BULK_DELETED: {
    wire: 'products.bulk_deleted',
    label: 'Products deleted together',
    hint: 'One summary for a deletion of many products (a selection or all of them).',
  },
  PRODUCTS_BULK_UPDATED: {
    wire: 'products.bulk_updated',
    label: 'Products activated or deactivated together',
    hint: 'One summary per bulk activate or deactivate: how many, and where to read which products changed.',
  },
  IMPORT_FINISHED: {
    wire: 'import.finished',
    label: 'Import finished',
    hint: "One summary per import: its counts and where to read every product it changed (the API's changes, changes.csv).",
  },
  IMPORT_REVERTED: {
    wire: 'import.reverted',
    label: 'Import reverted',
    hint: 'One summary per undo of an import: restored, deleted and conflicts.',
  },
  FEED_DISABLED: {
    wire: 'feed.disabled',
    label: 'Feed disabled',
    hint: 'When a feed stops after too many failed runs in a row.',
  },
};

/** What the form says about events sent for many products at once. */
export const SUMMARY_EVENTS_NOTE =
  'Imports, reverts and bulk actions send one summary event each, not one event per product.';

/** Every event a webhook can subscribe to (the schema's `WebhookEventType`), by wire name. */
export const EVENT_TYPES: readonly { value: WebhookEventType; wire: string; label: string; hint: string }[] =
  Object.values(WebhookEventType)
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
