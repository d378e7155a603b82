import { useId, type InputHTMLAttributes, type ReactNode, type Ref, type TextareaHTMLAttributes } from 'react';
import { describedBy, FieldNotes } from '@/components/ui/field-error';

interface CommonProps {
  label: string;
  hint?: string;
  errors?: readonly string[];
}

interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/** The label, hint and errors around one control; `control` gets the ids that link them. */
function Field({
  label,
  hint,
  errors,
  className,
  control,
}: CommonProps & { className?: string; control: (props: ControlProps) => ReactNode }) {
  const id = useId();
  return (
    <div className={['field', className ?? ''].join(' ')}>
      <label htmlFor={id}>{label}</label>
      {control({
        id,
        'aria-invalid': errors?.length ? true : undefined,
        'aria-describedby': describedBy(id, hint, errors),
      })}
      <FieldNotes id={id} hint={hint} errors={errors} />
    </div>
  );
}

/**
 * Why `value` is too long for `limit` characters, or null. Fields take the whole text
 * (no `maxLength`, which cuts a paste silently) and say this instead.
 */
export function lengthProblem(value: string, limit: number | undefined): string | null {
  if (limit == null || value.length <= limit) return null;
  const over = value.length - limit;
  return `${value.length.toLocaleString()} characters; at most ${limit.toLocaleString()}. Remove ${over.toLocaleString()}.`;
}

export interface TextFieldProps extends CommonProps, Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'maxLength'> {
  ref?: Ref<HTMLInputElement>;
  /** The most characters the server accepts: a counter appears near it, a message past it. */
  limit?: number;
}

/** A labelled text input with its hint and its server or client errors. */
export function TextField({ label, hint, errors, className, limit, ...input }: TextFieldProps) {
  const length = typeof input.value === 'string' ? input.value.length : 0;
  const problem = typeof input.value === 'string' ? lengthProblem(input.value, limit) : null;
  const counter = limit != null && !problem && length >= limit * 0.8 ? `${length} / ${limit} characters` : null;
  const allErrors = problem ? [problem, ...(errors ?? [])] : errors;
  const allHints = [hint, counter].filter(Boolean).join(' ') || undefined;
  return (
    <Field
      label={label}
      hint={allHints}
      errors={allErrors}
      className={className}
      control={(ids) => <input {...ids} {...input} />}
    />
  );
}

export interface TextAreaFieldProps extends CommonProps, Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> {}

/** A labelled multi-line text field. */
export function TextAreaField({ label, hint, errors, className, ...textarea }: TextAreaFieldProps) {
  return (
    <Field
      label={label}
      hint={hint}
      errors={errors}
      className={className}
      control={(ids) => <textarea {...ids} {...textarea} />}
    />
  );
}
