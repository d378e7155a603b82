import { useId } from 'react';
import { Button } from '@/components/ui/button';
import { FieldNotes } from '@/components/ui/field-error';
import { TextAreaField, TextField } from '@/components/ui/text-field';
import type { SecretValue } from '@/features/feeds/lib/feed-form';

export interface SecretFieldProps {
  label: string;
  /** Whether the server holds a value (it never sends the value itself). */
  isSet: boolean;
  value: SecretValue;
  onChange: (value: SecretValue) => void;
  /** A private key: several lines. */
  multiline?: boolean;
  hint?: string;
  errors?: readonly string[];
  disabled?: boolean;
}

/**
 * A write-only credential: it says "set" or "not set", and offers to replace or clear it.
 * What is typed is sent once, when the form is saved, and never shown again.
 */
export function SecretField({ label, isSet, value, onChange, multiline, hint, errors, disabled }: SecretFieldProps) {
  const id = useId();
  if (value.action === 'replace' || !isSet) {
    const common = {
      label: isSet ? `New ${label.toLowerCase()}` : label,
      value: value.value,
      hint: isSet ? hint : ['Not set.', hint].filter(Boolean).join(' '),
      errors,
      disabled,
      autoComplete: 'off',
      spellCheck: false,
    };
    return (
      <div className="secret-field">
        {multiline ? (
          <TextAreaField
            {...common}
            rows={4}
            className="field-code"
            onChange={(e) => onChange({ action: 'replace', value: e.target.value })}
          />
        ) : (
          <TextField
            {...common}
            type="password"
            onChange={(e) => onChange({ action: 'replace', value: e.target.value })}
          />
        )}
        {isSet && (
          <Button size="sm" onClick={() => onChange({ action: 'keep', value: '' })} disabled={disabled}>
            Keep the current {label.toLowerCase()}
          </Button>
        )}
      </div>
    );
  }
  const clearing = value.action === 'clear';
  return (
    <div className="field secret-field" role="group" aria-labelledby={`${id}-label`}>
      <span id={`${id}-label`} className="field-label">
        {label}
      </span>
      <p aria-describedby={errors?.length ? `${id}-error` : undefined}>
        <strong>{clearing ? 'Cleared when you save' : 'Set'}</strong>
        <span className="muted"> (never shown again)</span>
      </p>
      <div className="secret-actions">
        {clearing ? (
          <Button size="sm" onClick={() => onChange({ action: 'keep', value: '' })} disabled={disabled}>
            Keep {label.toLowerCase()}
          </Button>
        ) : (
          <>
            <Button
              size="sm"
              onClick={() => onChange({ action: 'replace', value: '' })}
              disabled={disabled}
              aria-label={`Replace ${label.toLowerCase()}`}
            >
              Replace
            </Button>
            <Button
              size="sm"
              onClick={() => onChange({ action: 'clear', value: '' })}
              disabled={disabled}
              aria-label={`Clear ${label.toLowerCase()}`}
            >
              Clear
            </Button>
          </>
        )}
      </div>
      <FieldNotes id={id} hint={hint} errors={errors} />
    </div>
  );
}
