/** The ids a control is described by: its hint and its errors, when it has them. */
export function describedBy(id: string, hint: unknown, errors: readonly string[] | undefined): string | undefined {
  return [hint ? `${id}-hint` : '', errors?.length ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

/** A field's hint and errors, under it, with the ids `describedBy` gives the control. */
export function FieldNotes({ id, hint, errors }: { id: string; hint?: string; errors?: readonly string[] }) {
  return (
    <>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} messages={errors} />
    </>
  );
}

/** Messages about one form field, announced with it (via aria-describedby). */
export function FieldError({ id, messages }: { id: string; messages?: readonly string[] }) {
  if (!messages?.length) return null;
  return (
    <p id={id} className="field-error">
      {messages.join(' ')}
    </p>
  );
}
