import { useState } from 'react';
import { useCan } from '@/lib/permissions';
import { PageHeader } from '@/components/layouts/page-header';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Notice } from '@/components/ui/notice';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import type { WebhookFieldsFragment } from '@/gql/graphql';
import { describeError } from '@/lib/error-message';
import { problemText } from '@/lib/operation-info';
import { useRestoredDraft } from '@/lib/use-restored-draft';
import { useDeleteWebhook } from '@/features/webhooks/api/delete-webhook';
import { useWebhooks } from '@/features/webhooks/api/get-webhooks';
import { DeliveryLogDialog } from '@/features/webhooks/components/delivery-log-dialog';
import { WebhookCard } from '@/features/webhooks/components/webhook-card';
import {
  WEBHOOK_DRAFT,
  WebhookFormDialog,
  type WebhookDraft,
} from '@/features/webhooks/components/webhook-form-dialog';

/** Endpoints that hear about product changes and finished imports, and what was sent to them. */
export default function WebhooksPage() {
  const [{ data, error, fetching }, refetch] = useWebhooks();
  const canManage = useCan('createWebhook');
  // A save that met an expired session comes back filled in, once signed in again.
  const restored = useRestoredDraft<WebhookDraft>(WEBHOOK_DRAFT);
  const [restoredValues, setRestoredValues] = useState(restored?.values ?? null);
  const [editing, setEditing] = useState<WebhookFieldsFragment | 'new' | null>(restored?.webhook ?? null);
  const [deleting, setDeleting] = useState<WebhookFieldsFragment | null>(null);
  const [logOf, setLogOf] = useState<WebhookFieldsFragment | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [, deleteWebhook] = useDeleteWebhook();
  const webhooks = data?.webhooks;
  const refresh = () => refetch({ requestPolicy: 'network-only' });

  return (
    <section>
      <PageHeader
        title="Webhooks"
        description="Signed HTTP POSTs (Standard Webhooks) to other systems when products change or an import finishes."
        actions={
          canManage ? (
            <Button variant="primary" onClick={() => setEditing('new')}>
              Add webhook
            </Button>
          ) : (
            <span className="muted">Only admins add and change webhooks.</span>
          )
        }
      />
      {notice && <Notice tone="success">{notice}</Notice>}
      {error && !fetching && !webhooks ? (
        <ErrorState message={describeError(error)} onRetry={refresh} />
      ) : !webhooks ? (
        <LoadingState label="Loading webhooks…" />
      ) : webhooks.length === 0 ? (
        <EmptyState title="No webhooks yet.">
          <p>Add one to tell another system about product changes and finished imports.</p>
        </EmptyState>
      ) : (
        webhooks.map((webhook) => (
          <WebhookCard
            key={webhook.id}
            webhook={webhook}
            onEdit={() => setEditing(webhook)}
            onDelete={() => setDeleting(webhook)}
            onShowDeliveries={() => setLogOf(webhook)}
          />
        ))
      )}
      <WebhookFormDialog
        webhook={editing}
        restored={restoredValues}
        onClose={() => {
          setEditing(null);
          setRestoredValues(null);
        }}
        onSaved={(webhook, created) => {
          setEditing(null);
          setRestoredValues(null);
          setNotice(created ? `Added webhook ${webhook.url}.` : `Saved webhook ${webhook.url}.`);
          if (created) refresh();
        }}
      />
      <DeliveryLogDialog webhook={logOf} onClose={() => setLogOf(null)} />
      <ConfirmDialog
        open={deleting !== null}
        onOpenChange={(open) => !open && setDeleting(null)}
        title={`Delete webhook ${deleting?.url ?? ''}?`}
        confirmLabel="Delete webhook"
        danger
        onConfirm={async () => {
          if (!deleting) return;
          const result = await deleteWebhook({ id: deleting.id });
          if (result.error) return describeError(result.error);
          const payload = result.data?.deleteWebhook;
          if (payload?.__typename === 'OperationInfo') return problemText(payload);
          setNotice(`Deleted webhook ${deleting.url}.`);
          setDeleting(null);
          refresh();
        }}
      >
        <p>It receives no more events, and its delivery log goes with it.</p>
      </ConfirmDialog>
    </section>
  );
}
