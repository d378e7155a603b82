import { useId, type InputHTMLAttributes, type Ref, type TextareaHTMLAttributes } from 'react';
import { FieldError } from '@/components/ui/field-error';

interface CommonProps {
  label: string;
  hint?: string;
  errors?: readonly string[];
}

function describedBy(hintId: string, errorId: string, hint?: string, errors?: readonly string[]) {
  return [hint ? hintId : '', errors?.length ? errorId : ''].filter(Boolean).join(' ') || undefined;
}

export interface TextFieldProps extends CommonProps, Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  ref?: Ref<HTMLInputElement>;
}

/** A labelled text input with its hint and its server or client errors. */
export function TextField({ label, hint, errors, className, ...input }: TextFieldProps) {
  const id = useId();
  return (
    <div className={['field', className ?? ''].join(' ')}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(`${id}-hint`, `${id}-error`, hint, errors)}
        {...input}
      />
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} messages={errors} />
    </div>
  );
}

export interface TextAreaFieldProps extends CommonProps, Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> {}

/** A labelled multi-line text field. */
export function TextAreaField({ label, hint, errors, className, ...textarea }: TextAreaFieldProps) {
  const id = useId();
  return (
    <div className={['field', className ?? ''].join(' ')}>
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(`${id}-hint`, `${id}-error`, hint, errors)}
        {...textarea}
      />
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} messages={errors} />
    </div>
  );
}
