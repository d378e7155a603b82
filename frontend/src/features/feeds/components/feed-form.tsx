import { useMemo } from 'react';
import { CheckboxField } from '@/components/ui/checkbox-field';
import { TextAreaField, TextField } from '@/components/ui/text-field';
import type { FeedFieldsFragment } from '@/gql/graphql';
import {
  NAME_LIMIT,
  sourceKind,
  URL_LIMIT,
  type FeedFormValues,
  type SecretField as SecretName,
  type SecretValue,
} from '@/features/feeds/lib/feed-form';
import { ScheduleSummary } from '@/features/feeds/components/schedule-summary';
import { SecretField } from '@/features/feeds/components/secret-field';

export interface FeedFormProps {
  /** The saved feed (null: a new one): which secrets are set, the schedule in words. */
  feed: FeedFieldsFragment | null;
  values: FeedFormValues;
  onChange: (values: FeedFormValues) => void;
  /** Messages by field name (client checks and the server's). */
  errors: Record<string, string[] | undefined>;
  disabled?: boolean;
}

function timeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['UTC'];
  }
}

/**
 * A feed's fields: its name and source, how to sign in (write-only secrets), the schedule
 * with its description and next runs, who is told about runs, and whether it runs at all.
 */
export function FeedForm({ feed, values, onChange, errors, disabled }: FeedFormProps) {
  const kind = sourceKind(values.url);
  const zones = useMemo(timeZones, []);
  const set = (patch: Partial<FeedFormValues>) => onChange({ ...values, ...patch });
  const setSecret = (name: SecretName, secret: SecretValue) =>
    onChange({ ...values, secrets: { ...values.secrets, [name]: secret } });

  return (
    <>
      <fieldset className="form-section" disabled={disabled}>
        <legend>Source</legend>
        <TextField
          label="Name"
          value={values.name}
          onChange={(e) => set({ name: e.target.value })}
          errors={errors.name}
          limit={NAME_LIMIT}
          aria-required="true"
          autoComplete="off"
        />
        <TextField
          label="URL"
          type="url"
          inputMode="url"
          placeholder="https://example.com/catalogue.csv"
          hint="https://, http:// or sftp://host[:port]/path/file.csv. No user name or password in it: they go below."
          value={values.url}
          onChange={(e) => set({ url: e.target.value })}
          errors={errors.url}
          limit={URL_LIMIT}
          aria-required="true"
          autoComplete="off"
        />
      </fieldset>

      <fieldset className="form-section" disabled={disabled}>
        <legend>Sign-in</legend>
        <p className="muted">
          {kind === 'sftp'
            ? 'A user name with a password or a private key. Secrets are stored encrypted and never shown again.'
            : 'Optional: HTTP Basic (user name and password) or one header such as Authorization: Bearer …. Secrets are stored encrypted and never shown again.'}
        </p>
        <div className="form-grid">
          <TextField
            label="User name"
            value={values.username}
            onChange={(e) => set({ username: e.target.value })}
            errors={errors.username}
            autoComplete="off"
          />
          <SecretField
            label="Password"
            isSet={!!feed?.hasPassword}
            value={values.secrets.password}
            onChange={(secret) => setSecret('password', secret)}
            errors={errors.password}
            disabled={disabled}
          />
        </div>
        {kind === 'sftp' ? (
          <>
            <SecretField
              label="Private key"
              multiline
              isSet={!!feed?.hasPrivateKey}
              value={values.secrets.privateKey}
              onChange={(secret) => setSecret('privateKey', secret)}
              hint="The whole key file (OpenSSH or PEM), without a passphrase. Used instead of the password."
              errors={errors.privateKey}
              disabled={disabled}
            />
            <TextAreaField
              label="Host key"
              className="field-code"
              rows={2}
              value={values.hostKey}
              onChange={(e) => set({ hostKey: e.target.value })}
              hint={
                values.hostKey.trim()
                  ? 'Pinned: the server must present this key, or the run fails saying the key changed. Empty it to record the key again at the next connection.'
                  : 'Empty: the first successful connection records the server’s key, and later connections must present it. Or paste it, as ssh-keyscan prints it (ssh-ed25519 AAAA…).'
              }
              errors={errors.hostKey}
              spellCheck={false}
            />
          </>
        ) : (
          <div className="form-grid">
            <TextField
              label="Header name"
              placeholder="Authorization"
              value={values.headerName}
              onChange={(e) => set({ headerName: e.target.value })}
              errors={errors.headerName}
              autoComplete="off"
            />
            <SecretField
              label="Header value"
              isSet={!!feed?.hasHeaderValue}
              value={values.secrets.headerValue}
              onChange={(secret) => setSecret('headerValue', secret)}
              errors={errors.headerValue}
              disabled={disabled}
            />
          </div>
        )}
      </fieldset>

      <fieldset className="form-section" disabled={disabled}>
        <legend>Schedule</legend>
        <div className="form-grid">
          <TextField
            label="Cron expression"
            placeholder="0 2 * * *"
            hint="minute hour day-of-month month weekday, e.g. 0 2 * * * is every day at 02:00. Empty: manual only."
            className="field-code"
            value={values.schedule}
            onChange={(e) => set({ schedule: e.target.value })}
            errors={errors.schedule}
            autoComplete="off"
            spellCheck={false}
          />
          <TextField
            label="Time zone"
            list="feed-time-zones"
            hint="An IANA name such as Europe/Berlin or UTC."
            value={values.timeZone}
            onChange={(e) => set({ timeZone: e.target.value })}
            errors={errors.timeZone}
            autoComplete="off"
          />
          <datalist id="feed-time-zones">
            {zones.map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
        </div>
        <ScheduleSummary feed={feed} schedule={values.schedule} timeZone={values.timeZone} />
      </fieldset>

      <fieldset className="form-section" disabled={disabled}>
        <legend>Notifications</legend>
        <p className="muted">
          The feed’s owner gets an e-mail when a run fails, waits for a removal to be confirmed, or imports with bad
          rows.
        </p>
        <TextAreaField
          label="Also e-mail"
          rows={2}
          hint="More addresses, one a line or separated by commas."
          value={values.notifyEmails}
          onChange={(e) => set({ notifyEmails: e.target.value })}
          errors={errors.notifyEmails}
        />
        <CheckboxField
          label="Also e-mail runs that went well or found nothing new"
          checked={values.notifyOnSuccess}
          onChange={(e) => set({ notifyOnSuccess: e.target.checked })}
          errors={errors.notifyOnSuccess}
        />
        <CheckboxField
          label="Enabled (runs on its schedule)"
          checked={values.enabled}
          onChange={(e) => set({ enabled: e.target.checked })}
          errors={errors.enabled}
        />
      </fieldset>
    </>
  );
}
