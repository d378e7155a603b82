import { useEffect, useState } from 'react';
import { useCan } from '@/lib/permissions';
import { Button } from '@/components/ui/button';
import { CheckboxField } from '@/components/ui/checkbox-field';
import { Dialog, DialogFooter } from '@/components/ui/dialog';
import { Notice } from '@/components/ui/notice';
import { StatusBadge } from '@/components/ui/status-badge';
import type { DeliveryFieldsFragment, WebhookFieldsFragment } from '@/gql/graphql';
import { describeError } from '@/lib/error-message';
import { formatDateTime } from '@/lib/format';
import { problemText } from '@/lib/operation-info';
import { useWebhookDeliveries } from '@/features/webhooks/api/get-webhook-deliveries';
import { useTestWebhook } from '@/features/webhooks/api/test-webhook';
import { useUpdateWebhook } from '@/features/webhooks/api/update-webhook';
import { DeliveryDetails } from '@/features/webhooks/components/delivery-details';
import { WebhookSecret } from '@/features/webhooks/components/webhook-secret';
import { deliveryStatusWords, wireName } from '@/features/webhooks/lib/webhook-words';

export interface WebhookCardProps {
  webhook: WebhookFieldsFragment;
  onEdit: () => void;
  onDelete: () => void;
  onShowDeliveries: () => void;
}

function LastDelivery({ webhookId }: { webhookId: string }) {
  const [{ data, fetching }] = useWebhookDeliveries(webhookId, 1);
  const last = data?.webhookDeliveries.edges[0]?.node;
  if (!data) return <span className="muted">{fetching ? 'Loading…' : '—'}</span>;
  if (!last) return <span className="muted">No deliveries yet</span>;
  const words = deliveryStatusWords(last.status);
  return (
    <span>
      <StatusBadge label={words.label} tone={words.tone} /> <span className="mono">{last.eventType}</span>
      {last.statusCode != null && ` · ${last.statusCode}`} · {formatDateTime(last.createdAt)}
    </span>
  );
}

/** One endpoint: URL, events, enabled switch, last delivery, secret, and its actions. */
export function WebhookCard({ webhook, onEdit, onDelete, onShowDeliveries }: WebhookCardProps) {
  const [, updateWebhook] = useUpdateWebhook();
  const [{ fetching: testing }, testWebhook] = useTestWebhook();
  const [problem, setProblem] = useState<string | null>(null);
  const canManage = useCan('updateWebhook');
  const [testResult, setTestResult] = useState<DeliveryFieldsFragment | null>(null);
  // The switch moves at once; it goes back if the server refuses.
  const [wanted, setWanted] = useState<boolean | null>(null);
  const switching = wanted !== null;

  async function setEnabled(enabled: boolean) {
    setProblem(null);
    setWanted(enabled);
    const result = await updateWebhook({ input: { id: webhook.id, enabled } });
    if (result.error) setProblem(describeError(result.error));
    else if (result.data?.updateWebhook.__typename === 'OperationInfo')
      setProblem(problemText(result.data.updateWebhook));
    else return; // the list refreshes; the effect below lets go once it shows the change
    setWanted(null);
  }

  useEffect(() => {
    if (wanted !== null && webhook.enabled === wanted) setWanted(null);
  }, [webhook.enabled, wanted]);

  async function test() {
    setProblem(null);
    const result = await testWebhook({ id: webhook.id });
    const payload = result.data?.testWebhook;
    if (result.error) setProblem(describeError(result.error));
    else if (payload?.__typename === 'OperationInfo') setProblem(problemText(payload));
    else if (payload?.__typename === 'WebhookDelivery') setTestResult(payload);
  }

  return (
    <article className={`card webhook-card${webhook.enabled ? '' : ' is-disabled'}`} aria-label={webhook.url}>
      <div className="job-head">
        <div style={{ minWidth: 0 }}>
          <h2 className="mono" style={{ wordBreak: 'break-all' }}>
            {webhook.url}
          </h2>
          {!webhook.enabled && (
            <p>
              <StatusBadge label="Disabled" tone="warning" />{' '}
              <span className="muted">
                {webhook.disabledReason
                  ? 'No events are sent: see why below.'
                  : 'No events are sent until it is enabled again.'}
              </span>
            </p>
          )}
          {webhook.description && <p className="muted">{webhook.description}</p>}
        </div>
        <CheckboxField
          label="Enabled"
          asSwitch
          checked={wanted ?? webhook.enabled}
          aria-busy={switching || undefined}
          onChange={(e) => !switching && setEnabled(e.target.checked)}
        />
      </div>
      {!webhook.enabled && webhook.disabledReason && (
        <Notice tone="warning">
          <strong>Disabled by the server:</strong> {webhook.disabledReason} Enable it again once the receiver answers.
        </Notice>
      )}
      <div className="events-list" aria-label="Events">
        {webhook.events.map((event) => (
          <StatusBadge key={event} label={wireName(event)} tone="info" />
        ))}
      </div>
      <p style={{ marginTop: 10 }}>
        <span className="muted">Last delivery: </span>
        <LastDelivery webhookId={webhook.id} />
        {webhook.consecutiveFailures > 0 && (
          <span className="muted"> · {webhook.consecutiveFailures} failed in a row</span>
        )}
      </p>
      {canManage && <WebhookSecret webhook={webhook} />}
      {problem && <Notice tone="error">{problem}</Notice>}
      <div className="dialog-footer" style={{ justifyContent: 'flex-start' }}>
        {canManage && (
          <Button onClick={test} busy={testing}>
            Test
          </Button>
        )}
        <Button onClick={onShowDeliveries}>Deliveries</Button>
        {canManage && (
          <>
            <Button onClick={onEdit}>Edit</Button>
            <Button variant="danger" onClick={onDelete}>
              Delete
            </Button>
          </>
        )}
      </div>
      <Dialog
        open={testResult !== null}
        onOpenChange={(open) => !open && setTestResult(null)}
        title="Test delivery"
        description={`A webhook.test event sent to ${webhook.url}.`}
      >
        {testResult && <DeliveryDetails delivery={testResult} />}
        <DialogFooter>
          <Button variant="primary" onClick={() => setTestResult(null)}>
            Close
          </Button>
        </DialogFooter>
      </Dialog>
    </article>
  );
}
