import { beforeEach, describe, expect, it } from 'vitest';
import { findUpload, rememberUpload } from './remembered';
import {
  directUpload,
  DirectUploadError,
  UnknownUploadError,
  type CompletedPart,
  type DirectUploadProgress,
  type DirectUploadTransport,
  type StoredPart,
} from './uploader';

const PART = 10;

/**
 * An object store and its API in memory: it keeps the bytes of every part PUT, answers
 * ListParts, and assembles the parts on completion, so a test checks what arrived.
 */
class FakeStore implements DirectUploadTransport<string> {
  partSize = PART;
  uploads = new Map<string, Map<number, { bytes: string; etag: string }>>();
  created = 0;
  urlCalls: number[][] = [];
  puts: number[] = [];
  active = 0;
  maxActive = 0;
  /** Part number -> how many more PUTs of it fail. */
  failing = new Map<number, number>();
  /** After this many successful PUTs in total, every PUT fails (the connection dropped). */
  offlineAfter: number | null = null;
  exposeEtags = true;
  aborted: string[] = [];
  completed: { id: string; parts: CompletedPart[]; bytes: string }[] = [];
  /** Called when a PUT starts (a test may cancel from here). */
  onPut: (partNumber: number) => void = () => undefined;

  async create() {
    this.created += 1;
    const id = `upload-${this.created}`;
    this.uploads.set(id, new Map());
    return { id, partSize: this.partSize };
  }

  async partUrls(id: string, partNumbers: number[]) {
    this.urlCalls.push(partNumbers);
    return partNumbers.map((n) => ({
      partNumber: n,
      url: `https://store.test/${id}/${n}?try=${this.urlCalls.length}`,
    }));
  }

  async uploadedParts(id: string): Promise<StoredPart[]> {
    const parts = this.uploads.get(id);
    if (!parts) throw new UnknownUploadError('No such upload.');
    return [...parts.entries()].map(([partNumber, p]) => ({ partNumber, size: p.bytes.length, etag: p.etag }));
  }

  async putPart(url: string, body: Blob, options: { onProgress: (loaded: number) => void; signal: AbortSignal }) {
    const [, id, n] = new URL(url).pathname.split('/');
    const partNumber = Number(n);
    this.onPut(partNumber);
    this.active += 1;
    this.maxActive = Math.max(this.maxActive, this.active);
    try {
      await new Promise((resolve) => setTimeout(resolve, 2));
      options.onProgress(body.size / 2);
      await new Promise((resolve) => setTimeout(resolve, 2));
      if (options.signal.aborted) throw new Error('aborted');
      const failures = this.failing.get(partNumber) ?? 0;
      if (failures > 0) {
        this.failing.set(partNumber, failures - 1);
        throw new Error('HTTP 500');
      }
      if (this.offlineAfter !== null && this.puts.length >= this.offlineAfter) throw new Error('network down');
      const etag = `"etag-${partNumber}"`;
      this.uploads.get(id)!.set(partNumber, { bytes: await body.text(), etag });
      this.puts.push(partNumber);
      options.onProgress(body.size);
      return { etag: this.exposeEtags ? etag : null };
    } finally {
      this.active -= 1;
    }
  }

  async complete(id: string, parts: CompletedPart[]) {
    const held = this.uploads.get(id)!;
    const bytes = parts.map((p) => {
      expect(held.get(p.partNumber)?.etag).toBe(p.etag);
      return held.get(p.partNumber)!.bytes;
    });
    this.completed.push({ id, parts, bytes: bytes.join('') });
    this.uploads.delete(id);
    return `staged ${id}`;
  }

  async abort(id: string) {
    this.aborted.push(id);
    this.uploads.delete(id);
  }
}

const CONTENT = Array.from({ length: 95 }, (_, i) => String.fromCharCode(97 + (i % 26))).join(''); // 95 bytes: 10 parts
const file = new File([CONTENT], 'products.csv', { type: 'text/csv', lastModified: 1_700_000_000_000 });
const instant = { sleep: async () => undefined };

describe('directUpload', () => {
  let store: FakeStore;
  beforeEach(() => {
    window.localStorage.clear();
    store = new FakeStore();
  });

  it('sends the file in parts of the server part size, four at a time, and completes with every part in order', async () => {
    const answer = await directUpload(file, store, { concurrency: 4, ...instant });

    expect(answer).toBe('staged upload-1');
    expect(store.maxActive).toBe(4);
    expect(store.puts.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const [done] = store.completed;
    expect(done.parts.map((p) => p.partNumber)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(done.bytes).toBe(CONTENT);
    expect(findUpload(file)).toBeNull(); // completed: nothing left to resume
  });

  it('asks for part URLs in batches, never twice for the same part when nothing fails', async () => {
    await directUpload(file, store, { concurrency: 3, urlBatch: 4, ...instant });

    expect(store.urlCalls.every((batch) => batch.length <= 4)).toBe(true);
    expect(store.urlCalls.flat().sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(store.urlCalls.length).toBeLessThanOrEqual(4);
  });

  it('retries a failed part with a fresh URL after a growing wait', async () => {
    store.failing.set(3, 2);
    const waits: number[] = [];

    await directUpload(file, store, { baseDelayMs: 500, sleep: async (ms) => void waits.push(ms) });

    expect(waits).toEqual([500, 1000]);
    const urlsForPart3 = store.urlCalls.filter((batch) => batch.includes(3)).length;
    expect(urlsForPart3).toBe(3);
    expect(store.completed[0].bytes).toBe(CONTENT);
  });

  it('caps the wait between tries', async () => {
    store.failing.set(1, 4);
    const waits: number[] = [];

    await directUpload(file, store, { baseDelayMs: 1000, maxDelayMs: 3000, sleep: async (ms) => void waits.push(ms) });

    expect(waits).toEqual([1000, 2000, 3000, 3000]);
  });

  it('stops after the last try, says how to resume, and keeps the upload remembered', async () => {
    store.failing.set(2, 10);

    const failure = directUpload(file, store, { attempts: 3, ...instant });

    await expect(failure).rejects.toThrow(
      /part 2 could not be sent after 3 tries.*Choose the same file again to resume/,
    );
    await expect(failure).rejects.toMatchObject({ cancelled: false });
    expect(store.completed).toEqual([]);
    expect(store.aborted).toEqual([]);
    expect(findUpload(file)).toMatchObject({ id: 'upload-1', partSize: PART, name: 'products.csv', size: 95 });
  });

  it('resumes after a dropped connection, sending only the parts the store does not hold', async () => {
    store.offlineAfter = 4;
    await expect(directUpload(file, store, { attempts: 2, ...instant })).rejects.toBeInstanceOf(DirectUploadError);
    const held = [...store.uploads.get('upload-1')!.keys()];
    expect(held).toHaveLength(4);

    store.offlineAfter = null;
    store.puts = [];
    const progress: DirectUploadProgress[] = [];
    const started: { id: string; resumed: boolean }[] = [];
    const answer = await directUpload(file, store, {
      ...instant,
      onProgress: (p) => progress.push(p),
      onStarted: (s) => started.push(s),
    });

    expect(answer).toBe('staged upload-1');
    expect(started).toEqual([{ id: 'upload-1', resumed: true }]);
    expect(store.created).toBe(1);
    expect(store.puts.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].filter((n) => !held.includes(n)));
    expect(progress[0]).toMatchObject({ loaded: 40, resumed: 40, total: 95 });
    expect(progress.at(-1)).toMatchObject({ loaded: 95, total: 95 });
    expect(store.completed[0].bytes).toBe(CONTENT);
  });

  it('sends again a part the store holds with the wrong size', async () => {
    const { id } = await store.create();
    store.uploads.get(id)!.set(1, { bytes: 'abc', etag: '"short"' });
    store.uploads.get(id)!.set(2, { bytes: CONTENT.slice(10, 20), etag: '"etag-2"' });
    rememberUpload(file, id, PART);

    await directUpload(file, store, instant);

    expect(store.puts).toContain(1);
    expect(store.puts).not.toContain(2);
    expect(store.completed[0].bytes).toBe(CONTENT);
  });

  it('starts again when the server no longer knows the remembered upload', async () => {
    rememberUpload(file, 'swept-long-ago', PART);

    const answer = await directUpload(file, store, instant);

    expect(answer).toBe('staged upload-1');
    expect(store.puts).toHaveLength(10);
  });

  it('does not resume the upload of another file with the same name', async () => {
    rememberUpload(file, 'upload-9', PART);
    const edited = new File([CONTENT], 'products.csv', { lastModified: file.lastModified + 1 });

    expect(findUpload(edited)).toBeNull();
    expect(findUpload(file)?.id).toBe('upload-9');
  });

  it('asks the store for the ETags it did not let the browser read', async () => {
    store.exposeEtags = false;

    await directUpload(file, store, instant);

    expect(store.completed[0].parts.map((p) => p.etag)).toEqual(
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => `"etag-${n}"`),
    );
  });

  it('abandons the upload when the person cancels', async () => {
    const cancel = new AbortController();
    store.onPut = (n) => n === 5 && cancel.abort();

    const failure = directUpload(file, store, { concurrency: 2, signal: cancel.signal, ...instant });

    await expect(failure).rejects.toMatchObject({
      cancelled: true,
      message: 'Upload cancelled: nothing was imported.',
    });
    expect(store.aborted).toEqual(['upload-1']);
    expect(store.completed).toEqual([]);
    expect(store.puts.length).toBeLessThan(10);
    expect(findUpload(file)).toBeNull();
  });

  it('passes a refusal from the server on as it is, with nothing remembered', async () => {
    store.create = async () => {
      throw new DirectUploadError('The file is too large: at most 1 GB.');
    };

    await expect(directUpload(file, store, instant)).rejects.toThrow(/^The file is too large: at most 1 GB\.$/);
    expect(findUpload(file)).toBeNull();
  });

  it('reports the speed from the bytes sent in this attempt', async () => {
    let clock = 0;
    const speeds: (number | null)[] = [];
    await directUpload(file, store, {
      concurrency: 1,
      ...instant,
      now: () => (clock += 100),
      onProgress: (p) => speeds.push(p.bytesPerSecond),
    });

    expect(speeds[0]).toBeNull();
    // every report is 100 ms apart; one part (10 bytes) takes two reports after its start
    const measured = speeds.filter((s): s is number => s !== null);
    expect(Math.max(...measured)).toBeGreaterThan(0);
    expect(measured.every((s) => s <= 100)).toBe(true);
  });
});
