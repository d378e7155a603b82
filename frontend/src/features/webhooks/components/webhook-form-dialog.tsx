import { useEffect, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { CheckboxField } from '@/components/ui/checkbox-field';
import { Dialog, DialogFooter } from '@/components/ui/dialog';
import { FieldError } from '@/components/ui/field-error';
import { Notice } from '@/components/ui/notice';
import { lengthProblem, TextField } from '@/components/ui/text-field';
import type { WebhookEventType, WebhookFieldsFragment } from '@/gql/graphql';
import { describeError } from '@/lib/error-message';
import { DRAFT_RESTORED_MESSAGE, keepDraft } from '@/lib/form-draft';
import { isUnauthenticated } from '@/lib/graphql-client';
import { splitMessages, type FieldErrors } from '@/lib/operation-info';
import { useCreateWebhook } from '@/features/webhooks/api/create-webhook';
import { useUpdateWebhook } from '@/features/webhooks/api/update-webhook';
import { EVENT_TYPES, SUMMARY_EVENTS_NOTE } from '@/features/webhooks/lib/webhook-words';

const FORM_FIELDS = ['url', 'events', 'enabled', 'description'] as const;
const noErrors: FieldErrors = { byField: {}, general: [] };
const URL_LIMIT = 2000;
/** The key under which an unsaved webhook form waits for the sign-in (see form-draft). */
export const WEBHOOK_DRAFT = 'webhook';

export interface WebhookFormValues {
  url: string;
  description: string;
  enabled: boolean;
  events: WebhookEventType[];
}

/** What the form keeps when its save meets an expired session. */
export interface WebhookDraft {
  webhook: WebhookFieldsFragment | 'new';
  values: WebhookFormValues;
}

export interface WebhookFormDialogProps {
  webhook: WebhookFieldsFragment | 'new' | null;
  /** Values typed before the session expired, to fill the form with. */
  restored?: WebhookFormValues | null;
  onClose: () => void;
  onSaved: (webhook: WebhookFieldsFragment, created: boolean) => void;
}

/** "Add webhook" and "Edit webhook": URL, a checkbox per event type, enabled, description. */
export function WebhookFormDialog({ webhook, restored, onClose, onSaved }: WebhookFormDialogProps) {
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [enabled, setEnabled] = useState(true);
  const [events, setEvents] = useState<WebhookEventType[]>([]);
  const [errors, setErrors] = useState<FieldErrors>(noErrors);
  const [{ fetching: creating }, createWebhook] = useCreateWebhook();
  const [{ fetching: updating }, updateWebhook] = useUpdateWebhook();

  useEffect(() => {
    if (!webhook) return;
    const source = restored ?? (webhook === 'new' ? null : webhook);
    setUrl(source?.url ?? '');
    setDescription(source?.description ?? '');
    setEnabled(source?.enabled ?? true);
    setEvents(source ? [...source.events] : EVENT_TYPES.map((e) => e.value));
    setErrors(noErrors);
  }, [webhook, restored]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!webhook) return;
    setErrors(noErrors);
    if (events.length === 0) {
      setErrors({ byField: { events: ['Choose at least one event.'] }, general: [] });
      return;
    }
    if (lengthProblem(url.trim(), URL_LIMIT)) return; // the field already says why
    const input = { url: url.trim(), description, enabled, events };
    const result =
      webhook === 'new' ? await createWebhook({ input }) : await updateWebhook({ input: { id: webhook.id, ...input } });
    if (isUnauthenticated(result.error)) {
      keepDraft<WebhookDraft>(WEBHOOK_DRAFT, { webhook, values: { url, description, enabled, events } });
      return;
    }
    if (result.error) {
      setErrors({ byField: {}, general: [describeError(result.error)] });
      return;
    }
    const payload =
      result.data && ('createWebhook' in result.data ? result.data.createWebhook : result.data.updateWebhook);
    if (payload?.__typename === 'OperationInfo') setErrors(splitMessages(payload.messages, FORM_FIELDS));
    else if (payload?.__typename === 'Webhook') onSaved(payload, webhook === 'new');
  }

  const toggle = (value: WebhookEventType, on: boolean) =>
    setEvents((current) => (on ? [...current, value] : current.filter((e) => e !== value)));

  return (
    <Dialog
      open={webhook !== null}
      onOpenChange={(open) => !open && onClose()}
      title={webhook === 'new' ? 'Add webhook' : 'Edit webhook'}
    >
      <form onSubmit={submit} noValidate>
        {restored && <Notice tone="warning">{DRAFT_RESTORED_MESSAGE}</Notice>}
        {errors.general.length > 0 && <Notice tone="error">{errors.general.join(' ')}</Notice>}
        <TextField
          label="URL"
          type="url"
          inputMode="url"
          placeholder="https://example.com/hooks/products"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          errors={errors.byField.url}
          aria-required="true"
          limit={URL_LIMIT}
          autoComplete="off"
        />
        <TextField
          label="Description"
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          errors={errors.byField.description}
          hint="Who receives it, for the people reading this list."
        />
        <fieldset aria-describedby={['events-note', errors.byField.events ? 'events-error' : ''].join(' ').trim()}>
          <legend>Events</legend>
          <p id="events-note" className="field-hint">
            {SUMMARY_EVENTS_NOTE}
          </p>
          <div className="check-grid">
            {EVENT_TYPES.map((event) => (
              <CheckboxField
                key={event.value}
                hint={event.hint}
                label={`${event.label} (${event.wire})`}
                checked={events.includes(event.value)}
                onChange={(e) => toggle(event.value, e.target.checked)}
              />
            ))}
          </div>
          <FieldError id="events-error" messages={errors.byField.events} />
        </fieldset>
        <CheckboxField
          label="Enabled"
          checked={enabled}
          onChange={(e) => setEnabled(e.target.checked)}
          errors={errors.byField.enabled}
        />
        <DialogFooter>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" busy={creating || updating}>
            {webhook === 'new' ? 'Add webhook' : 'Save changes'}
          </Button>
        </DialogFooter>
      </form>
    </Dialog>
  );
}
