import { Fragment, useState } from 'react';
import { Button } from '@/components/ui/button';
import { actionsColumn, DataTable, type DataColumn } from '@/components/ui/data-table';
import { Dialog } from '@/components/ui/dialog';
import { Notice } from '@/components/ui/notice';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { StatusBadge } from '@/components/ui/status-badge';
import type { DeliveryFieldsFragment, WebhookFieldsFragment } from '@/gql/graphql';
import { describeError } from '@/lib/error-message';
import { formatDateTime, formatNumber } from '@/lib/format';
import { problemText } from '@/lib/operation-info';
import { useWebhookDeliveries } from '@/features/webhooks/api/get-webhook-deliveries';
import { useRedeliverWebhook } from '@/features/webhooks/api/redeliver-webhook';
import { DeliveryDetails } from '@/features/webhooks/components/delivery-details';
import { deliveryStatusWords } from '@/features/webhooks/lib/webhook-words';

export const DELIVERY_PAGE_SIZE = 25;

const DELIVERY_COLUMNS: readonly DataColumn[] = [
  { header: 'Event' },
  { header: 'Status' },
  { header: 'Attempt', className: 'num' },
  { header: 'Code', className: 'num' },
  { header: 'Time', className: 'num' },
  { header: 'Sent' },
  { header: 'Error' },
  actionsColumn(),
];

/** The delivery log of one webhook, newest first, with details and "Redeliver". */
export function DeliveryLogDialog({
  webhook,
  onClose,
}: {
  webhook: WebhookFieldsFragment | null;
  onClose: () => void;
}) {
  return (
    <Dialog
      open={webhook !== null}
      onOpenChange={(open) => !open && onClose()}
      title={`Deliveries to ${webhook?.url ?? ''}`}
      size="lg"
    >
      {webhook && <DeliveryLog webhookId={webhook.id} />}
    </Dialog>
  );
}

export function DeliveryLog({ webhookId }: { webhookId: string }) {
  const [first, setFirst] = useState(DELIVERY_PAGE_SIZE);
  const [{ data, error, fetching }, refetch] = useWebhookDeliveries(webhookId, first);
  const [open, setOpen] = useState<string | null>(null);
  const [, redeliver] = useRedeliverWebhook();
  const [busyId, setBusyId] = useState<string | null>(null);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const connection = data?.webhookDeliveries;

  async function onRedeliver(delivery: DeliveryFieldsFragment) {
    setBusyId(delivery.id);
    setMessage(null);
    const result = await redeliver({ deliveryId: delivery.id });
    setBusyId(null);
    const payload = result.data?.redeliverWebhook;
    if (result.error) setMessage({ tone: 'error', text: describeError(result.error) });
    else if (payload?.__typename === 'OperationInfo') setMessage({ tone: 'error', text: problemText(payload) });
    else {
      setMessage({ tone: 'success', text: `Sent ${delivery.eventType} again, with the same webhook-id.` });
      refetch({ requestPolicy: 'network-only' });
    }
  }

  if (!connection) {
    return error && !fetching ? (
      <ErrorState message={describeError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
    ) : (
      <LoadingState label="Loading deliveries…" />
    );
  }
  if (connection.edges.length === 0) {
    return (
      <EmptyState title="No deliveries yet.">
        <p>Deliveries appear here when a subscribed event happens, or after “Test”.</p>
      </EmptyState>
    );
  }
  return (
    <div>
      {message && <Notice tone={message.tone}>{message.text}</Notice>}
      <div className="section-title">
        <p className="muted">
          {formatNumber(connection.edges.length)} of {formatNumber(connection.totalCount ?? connection.edges.length)}{' '}
          deliveries
        </p>
        <Button size="sm" onClick={() => refetch({ requestPolicy: 'network-only' })} busy={fetching}>
          Refresh
        </Button>
      </div>
      <DataTable
        label="Deliveries"
        columns={DELIVERY_COLUMNS}
        cards
        onMore={connection.pageInfo.hasNextPage ? () => setFirst((n) => n + DELIVERY_PAGE_SIZE) : undefined}
        moreBusy={fetching}
      >
        <tbody>
          {connection.edges.map(({ node: delivery }) => {
            const words = deliveryStatusWords(delivery.status);
            const expanded = open === delivery.id;
            return (
              <Fragment key={delivery.id}>
                <tr>
                  <td className="mono card-title">{delivery.eventType}</td>
                  <td>
                    <StatusBadge label={words.label} tone={words.tone} />
                  </td>
                  <td className="num" data-label="Attempt">
                    {delivery.attempt}
                  </td>
                  <td className="num" data-label="Code">
                    {delivery.statusCode ?? '—'}
                  </td>
                  <td className="num" data-label="Time">
                    {delivery.durationMs == null ? '—' : `${delivery.durationMs} ms`}
                  </td>
                  <td data-label="Sent">{formatDateTime(delivery.createdAt, true)}</td>
                  <td className="cell-clip card-wide" title={delivery.error ?? undefined}>
                    {delivery.error ?? ''}
                  </td>
                  <td className="actions">
                    <Button size="sm" aria-expanded={expanded} onClick={() => setOpen(expanded ? null : delivery.id)}>
                      {expanded ? 'Hide details' : 'Details'}
                    </Button>
                    <Button size="sm" busy={busyId === delivery.id} onClick={() => onRedeliver(delivery)}>
                      Redeliver
                    </Button>
                  </td>
                </tr>
                {expanded && (
                  <tr className="details-row">
                    <td colSpan={DELIVERY_COLUMNS.length}>
                      <DeliveryDetails delivery={delivery} />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </DataTable>
    </div>
  );
}
