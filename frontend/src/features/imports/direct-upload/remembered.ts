/**
 * Unfinished direct uploads, remembered in localStorage so that after a dropped connection
 * or a page reload the same file (same name, size and modification time) continues where
 * it stopped instead of starting again. Only the upload's id and part size are kept: the
 * store itself says which parts it holds.
 */
const STORAGE_KEY = 'product-importer:direct-uploads';
/** Older entries are dropped: the server aborts unfinished uploads long before this. */
const KEEP_MS = 7 * 24 * 3600 * 1000;

/** What identifies a file the person picks again after a reload. */
export interface FileFacts {
  name: string;
  size: number;
  lastModified: number;
}

export interface RememberedUpload extends FileFacts {
  /** The server's id of the multipart upload. */
  id: string;
  partSize: number;
  savedAt: number;
}

function fileKey(file: FileFacts): string {
  return JSON.stringify([file.name, file.size, file.lastModified]);
}

function readAll(): Record<string, RememberedUpload> {
  try {
    const all = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? '{}') as Record<string, RememberedUpload>;
    const now = Date.now();
    return Object.fromEntries(Object.entries(all).filter(([, entry]) => now - entry.savedAt < KEEP_MS));
  } catch {
    return {};
  }
}

function writeAll(entries: Record<string, RememberedUpload>): void {
  try {
    if (Object.keys(entries).length) window.localStorage.setItem(STORAGE_KEY, JSON.stringify(entries));
    else window.localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage full or disabled: a reload starts the upload again, as without this.
  }
}

/** Remembers the upload of `file` under the server's `id`. */
export function rememberUpload(file: FileFacts, id: string, partSize: number): void {
  const { name, size, lastModified } = file;
  writeAll({ ...readAll(), [fileKey(file)]: { name, size, lastModified, id, partSize, savedAt: Date.now() } });
}

/** The unfinished upload of this very file, if one is remembered. */
export function findUpload(file: FileFacts): RememberedUpload | null {
  return readAll()[fileKey(file)] ?? null;
}

/** Forgets the upload of `file` (completed, cancelled, or unknown to the server). */
export function forgetUpload(file: FileFacts): void {
  const entries = readAll();
  const key = fileKey(file);
  if (!(key in entries)) return;
  delete entries[key];
  writeAll(entries);
}

/** Every remembered unfinished upload, newest first (the import page offers to resume them). */
export function rememberedUploads(): RememberedUpload[] {
  return Object.values(readAll()).sort((a, b) => b.savedAt - a.savedAt);
}
