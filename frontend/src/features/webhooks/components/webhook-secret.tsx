import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { CopyButton } from '@/components/ui/copy-button';
import type { WebhookFieldsFragment } from '@/gql/graphql';
import { describeError } from '@/lib/error-message';
import { problemText } from '@/lib/operation-info';
import { useRotateWebhookSecret } from '@/features/webhooks/api/rotate-webhook-secret';

/** The signing secret: hidden until revealed, with copy and rotate. */
export function WebhookSecret({ webhook }: { webhook: WebhookFieldsFragment }) {
  const [revealed, setRevealed] = useState(false);
  const [rotating, setRotating] = useState(false);
  const [, rotate] = useRotateWebhookSecret();
  return (
    <div className="secret">
      <span className="muted">Signing secret</span>
      <code aria-label="Signing secret">{revealed ? webhook.secret : 'whsec_' + '•'.repeat(16)}</code>
      <Button size="sm" variant="ghost" onClick={() => setRevealed((r) => !r)} aria-pressed={revealed}>
        {revealed ? 'Hide' : 'Reveal'}
      </Button>
      <CopyButton value={webhook.secret} label="Copy secret" />
      <Button size="sm" variant="ghost" onClick={() => setRotating(true)}>
        Rotate
      </Button>
      <ConfirmDialog
        open={rotating}
        onOpenChange={setRotating}
        title="Rotate the signing secret?"
        confirmLabel="Rotate secret"
        onConfirm={async () => {
          const result = await rotate({ id: webhook.id });
          if (result.error) return describeError(result.error);
          const payload = result.data?.rotateWebhookSecret;
          if (payload?.__typename === 'OperationInfo') return problemText(payload);
          setRevealed(true);
        }}
      >
        <p>
          A new secret is made at once. <strong>The old secret stays valid for 24 hours</strong>: until then every
          delivery is signed with both, so the receiver can switch over; after that only the new one signs.
        </p>
      </ConfirmDialog>
    </div>
  );
}
