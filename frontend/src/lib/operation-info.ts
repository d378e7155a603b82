import { graphql } from '@/gql';
import type { OperationInfoFieldsFragment } from '@/gql/graphql';

/**
 * strawberry-django's answer to a mutation it refused (validation problems), selected
 * the same way by every mutation document: `...OperationInfoFields`.
 */
export const OperationInfoFields = graphql(`
  fragment OperationInfoFields on OperationInfo {
    messages {
      kind
      message
      field
      code
    }
  }
`);

/** One message of an OperationInfo answer (generated from the fragment above). */
export type OperationMessage = OperationInfoFieldsFragment['messages'][number];

/**
 * The messages of a refused mutation as one sentence, for a form or dialog with no field to
 * put them under (a confirmation, a switch, an upload).
 */
export function problemText(info: { readonly messages: readonly Pick<OperationMessage, 'message'>[] }): string {
  return info.messages.map((m) => m.message).join(' ');
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
export function splitMessages(
  messages: readonly Pick<OperationMessage, 'message' | 'field'>[],
  formFields: readonly string[],
): FieldErrors {
  const byField: Record<string, string[]> = {};
  const general: string[] = [];
  for (const { message, field } of messages) {
    if (field && formFields.includes(field)) (byField[field] ??= []).push(message);
    else general.push(message);
  }
  return { byField, general };
}

/** The one field a mutation answered (its payload), past the root's `__typename`. */
export function mutationPayload<T extends object>(
  data: T | null | undefined,
): T[Exclude<keyof T, '__typename'>] | null {
  if (!data) return null;
  const entry = Object.entries(data).find(([key]) => key !== '__typename');
  return entry ? (entry[1] as T[Exclude<keyof T, '__typename'>]) : null;
}
