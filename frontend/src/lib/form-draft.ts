/**
 * Unsaved form values kept across a sign-in. When a save fails because the session
 * expired, the form stores what the person typed here (sessionStorage: this tab only,
 * gone when it closes); after signing in, the page that owns the form takes it back,
 * reopens the form filled in, and says that nothing was saved yet.
 */
const STORAGE_KEY = 'product-importer:form-drafts';

export interface FormDraft<T = unknown> {
  /** Which form: "product", "webhook", "api-token". */
  form: string;
  /** What the form needs to reopen as it was (the values, and the record being edited). */
  value: T;
  savedAt: number;
}

function readAll(): Record<string, FormDraft> {
  try {
    return JSON.parse(window.sessionStorage.getItem(STORAGE_KEY) ?? '{}') as Record<string, FormDraft>;
  } catch {
    return {};
  }
}

function writeAll(drafts: Record<string, FormDraft>): void {
  try {
    if (Object.keys(drafts).length) window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(drafts));
    else window.sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage full or disabled: the draft is lost, as it would have been without this.
  }
}

/** Keeps a form's unsaved values until the page takes them back. */
export function keepDraft<T>(form: string, value: T): void {
  writeAll({ ...readAll(), [form]: { form, value, savedAt: Date.now() } });
}

/** A form's kept values, if any (still kept). */
export function peekDraft<T>(form: string): T | null {
  const draft = readAll()[form];
  return draft ? (draft.value as T) : null;
}

/** Forgets a form's kept values. */
export function dropDraft(form: string): void {
  const drafts = readAll();
  if (!(form in drafts)) return;
  delete drafts[form];
  writeAll(drafts);
}

/** True when some form has unsaved values waiting (the sign-in page says so). */
export function hasDrafts(): boolean {
  return Object.keys(readAll()).length > 0;
}

/** What a reopened form says about itself. */
export const DRAFT_RESTORED_MESSAGE =
  'Your session had expired, so this was not saved. Your changes are kept below: check them and save again.';
