/** One message of strawberry-django's OperationInfo. */
export interface OperationMessage {
  message: string;
  field?: string | null;
}

export interface FieldErrors {
  /** Messages about one field, by the field's camelCase name ("sku"). */
  byField: Record<string, string[]>;
  /** Messages about no single field, shown above the form. */
  general: string[];
}

/**
 * Splits OperationInfo messages into those shown next to a field the form has
 * and the rest (shown at the top), so no message is ever lost.
 */
export function splitMessages(messages: readonly OperationMessage[], formFields: readonly string[]): FieldErrors {
  const byField: Record<string, string[]> = {};
  const general: string[] = [];
  for (const { message, field } of messages) {
    if (field && formFields.includes(field)) (byField[field] ??= []).push(message);
    else general.push(message);
  }
  return { byField, general };
}
