import { StatusBadge } from '@/components/ui/status-badge';
import type { DeliveryFieldsFragment } from '@/gql/graphql';
import { formatDateTime } from '@/lib/format';
import { deliveryStatusWords, prettyBody } from '@/features/webhooks/lib/webhook-words';

/** The outcome of one delivery: status, code, time, error, and both bodies. */
export function DeliveryDetails({ delivery }: { delivery: DeliveryFieldsFragment }) {
  const words = deliveryStatusWords(delivery.status);
  return (
    <div className="delivery-details">
      <dl className="stats">
        <div className="stat">
          <dt>Status</dt>
          <dd>
            <StatusBadge label={words.label} tone={words.tone} />
          </dd>
        </div>
        <div className="stat">
          <dt>Status code</dt>
          <dd>{delivery.statusCode ?? '—'}</dd>
        </div>
        <div className="stat">
          <dt>Time</dt>
          <dd>{delivery.durationMs == null ? '—' : `${delivery.durationMs} ms`}</dd>
        </div>
        <div className="stat">
          <dt>Attempt</dt>
          <dd>{delivery.attempt}</dd>
        </div>
      </dl>
      {delivery.error && (
        <p>
          <strong>Error:</strong> {delivery.error}
        </p>
      )}
      {delivery.nextAttemptAt && delivery.status === 'RETRYING' && (
        <p className="muted">Next attempt {formatDateTime(delivery.nextAttemptAt, true)}.</p>
      )}
      <h4>Request body</h4>
      <pre className="body" aria-label="Request body">
        {prettyBody(delivery.requestBody)}
      </pre>
      <h4>Response body</h4>
      <pre className="body" aria-label="Response body">
        {prettyBody(delivery.responseBody) || '(empty)'}
      </pre>
    </div>
  );
}
