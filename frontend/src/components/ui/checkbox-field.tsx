import { useId, type InputHTMLAttributes } from 'react';
import { describedBy, FieldNotes } from '@/components/ui/field-error';

export interface CheckboxFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type'> {
  label: string;
  hint?: string;
  errors?: readonly string[];
  /** Renders as an on/off switch for assistive technology. */
  asSwitch?: boolean;
}

/** A checkbox with its label beside it. */
export function CheckboxField({ label, hint, errors, asSwitch, className, ...input }: CheckboxFieldProps) {
  const id = useId();
  return (
    <div className={['field field-check', className ?? ''].join(' ')}>
      <input
        id={id}
        type="checkbox"
        role={asSwitch ? 'switch' : undefined}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, hint, errors)}
        {...input}
      />
      <label htmlFor={id}>{label}</label>
      <FieldNotes id={id} hint={hint} errors={errors} />
    </div>
  );
}
