/**
 * Direct, resumable uploads: the file goes to the object store in parts over presigned PUT
 * URLs, several parts at once, each retried with back-off, and an interrupted upload of the
 * same file continues with only the parts the store does not hold yet (ListParts).
 *
 * The network is behind a `DirectUploadTransport` (the GraphQL calls and the PUTs), so the
 * scheduling, retries and resume are tested with a fake one.
 */
import { partBytes, partCount, partRange } from './parts';
import { findUpload, forgetUpload, rememberUpload, type FileFacts } from './remembered';
import { SpeedMeter } from './speed';

/** A part the store holds (ListParts). `etag` is what completing the upload needs. */
export interface StoredPart {
  partNumber: number;
  size: number;
  etag: string;
}

export interface CompletedPart {
  partNumber: number;
  etag: string;
}

/** The server side of a direct upload, and the PUT of one part to the store. */
export interface DirectUploadTransport<TResult> {
  /** Starts a multipart upload of `file`; answers its id and the part size to cut by. */
  create(file: FileFacts & { type: string }): Promise<{ id: string; partSize: number }>;
  /** Presigned PUT URLs for these parts. */
  partUrls(id: string, partNumbers: number[]): Promise<{ partNumber: number; url: string }[]>;
  /** The parts the store already holds. Throws `UnknownUploadError` when the upload is gone. */
  uploadedParts(id: string): Promise<StoredPart[]>;
  /** PUTs one part; answers the ETag when the store lets the browser read it, else null. */
  putPart(
    url: string,
    body: Blob,
    options: { onProgress: (loaded: number) => void; signal: AbortSignal },
  ): Promise<{ etag: string | null }>;
  /** Completes the upload with every part; answers what the server made of the file. */
  complete(id: string, parts: CompletedPart[]): Promise<TResult>;
  /** Abandons the upload (the store frees its parts). */
  abort(id: string): Promise<void>;
}

export interface DirectUploadProgress {
  /** Bytes in the store or on their way, of `total`. */
  loaded: number;
  total: number;
  /** Bytes the store already held when this attempt started (a resumed upload). */
  resumed: number;
  /** Upload speed over the last seconds, or null until measured. */
  bytesPerSecond: number | null;
}

export interface DirectUploadOptions {
  /** Parts sent at once. */
  concurrency?: number;
  /** Part URLs asked for in one call (default: twice the concurrency). */
  urlBatch?: number;
  /** Tries per part before the upload stops (it can then be resumed). */
  attempts?: number;
  /** Wait before the second try; doubled for each further try, up to `maxDelayMs`. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** A part URL older than this is asked for again (presigned URLs expire). */
  urlMaxAgeMs?: number;
  onProgress?: (progress: DirectUploadProgress) => void;
  /** Called once the upload exists on the server (new or resumed). */
  onStarted?: (upload: { id: string; resumed: boolean }) => void;
  signal?: AbortSignal;
  /** The clock and the wait (tests pass instant ones). */
  now?: () => number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/** The server no longer knows the upload (completed, aborted, swept, or someone else's). */
export class UnknownUploadError extends Error {}

/**
 * The upload stopped; `cancelled` when the person chose to (the upload was abandoned). A
 * transport throws one for a refusal (too large, a bad name): its message reaches the person as is.
 */
export class DirectUploadError extends Error {
  readonly cancelled: boolean;
  constructor(message: string, { cancelled = false, cause }: { cancelled?: boolean; cause?: unknown } = {}) {
    super(message, { cause });
    this.cancelled = cancelled;
  }
}

const CANCELLED = 'Upload cancelled: nothing was imported.';

function sleepFor(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}

/** Part URLs fetched a batch ahead, each dropped once used by a failed try or grown old. */
class PartUrls {
  private cache = new Map<number, { at: number; url: Promise<string> }>();

  constructor(
    private readonly fetch: (partNumbers: number[]) => Promise<{ partNumber: number; url: string }[]>,
    private readonly upcoming: () => number[],
    private readonly batch: number,
    private readonly maxAgeMs: number,
    private readonly now: () => number,
  ) {}

  get(partNumber: number): Promise<string> {
    const held = this.cache.get(partNumber);
    if (held && this.now() - held.at < this.maxAgeMs) return held.url;
    const wanted = [partNumber, ...this.upcoming().filter((n) => n !== partNumber && !this.fresh(n))].slice(
      0,
      this.batch,
    );
    const answer = this.fetch(wanted);
    const at = this.now();
    for (const n of wanted) {
      const url = answer.then((urls) => {
        const found = urls.find((u) => u.partNumber === n);
        if (!found) throw new Error(`The server gave no URL for part ${n}.`);
        return found.url;
      });
      url.catch(() => this.drop(n)); // a failed fetch is asked again by the next try
      this.cache.set(n, { at, url });
    }
    return this.cache.get(partNumber)!.url;
  }

  drop(partNumber: number): void {
    this.cache.delete(partNumber);
  }

  private fresh(partNumber: number): boolean {
    const held = this.cache.get(partNumber);
    return held !== undefined && this.now() - held.at < this.maxAgeMs;
  }
}

/** Starts the upload of `file`, or takes up the remembered unfinished one; answers its id, part size, and the parts held. */
async function begin<TResult>(
  file: File,
  transport: DirectUploadTransport<TResult>,
): Promise<{ id: string; partSize: number; held: StoredPart[]; resumed: boolean }> {
  const remembered = findUpload(file);
  if (remembered) {
    try {
      const held = await transport.uploadedParts(remembered.id);
      return { id: remembered.id, partSize: remembered.partSize, held, resumed: true };
    } catch (error) {
      if (!(error instanceof UnknownUploadError)) throw error;
      forgetUpload(file); // gone on the server: start again
    }
  }
  const { id, partSize } = await transport.create({
    name: file.name,
    size: file.size,
    lastModified: file.lastModified,
    type: file.type,
  });
  rememberUpload(file, id, partSize);
  return { id, partSize, held: [], resumed: false };
}

/**
 * Uploads `file` straight to the store and completes the upload; resolves with what the
 * transport's `complete` answers. Rejects with a DirectUploadError (the upload stays
 * remembered, so the same file resumes) unless the person cancelled (then it is abandoned).
 */
export async function directUpload<TResult>(
  file: File,
  transport: DirectUploadTransport<TResult>,
  options: DirectUploadOptions = {},
): Promise<TResult> {
  const concurrency = options.concurrency ?? 4;
  const attempts = options.attempts ?? 6;
  const baseDelayMs = options.baseDelayMs ?? 1000;
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  const now = options.now ?? (() => Date.now());
  const sleep = options.sleep ?? sleepFor;
  // Stops the parts in flight when the person cancels or one part fails for good.
  const stop = new AbortController();
  const onCancel = () => stop.abort();
  if (options.signal?.aborted) throw new DirectUploadError(CANCELLED, { cancelled: true });
  options.signal?.addEventListener('abort', onCancel, { once: true });

  let id: string | null = null;
  try {
    const started = await begin(file, transport);
    id = started.id;
    const { partSize } = started;
    options.onStarted?.({ id, resumed: started.resumed });
    const count = partCount(file.size, partSize);
    const etags = new Map<number, string>();
    // A part counts as held only when complete: a wrong size is sent again.
    for (const part of started.held) {
      if (part.partNumber <= count && part.size === partBytes(part.partNumber, file.size, partSize)) {
        etags.set(part.partNumber, part.etag);
      }
    }
    const pending: number[] = [];
    for (let n = 1; n <= count; n += 1) if (!etags.has(n)) pending.push(n);
    const resumed = [...etags.keys()].reduce((sum, n) => sum + partBytes(n, file.size, partSize), 0);

    const inFlight = new Map<number, number>();
    let sent = resumed;
    const meter = new SpeedMeter(5000, now);
    const report = () => {
      const loaded = sent + [...inFlight.values()].reduce((a, b) => a + b, 0);
      const bytesPerSecond = meter.sample(loaded - resumed);
      options.onProgress?.({ loaded, total: file.size, resumed, bytesPerSecond });
    };
    report();

    const uploadId = id;
    const queue = [...pending];
    const urls = new PartUrls(
      (numbers) => transport.partUrls(uploadId, numbers),
      () => queue,
      options.urlBatch ?? concurrency * 2,
      options.urlMaxAgeMs ?? 4 * 60_000,
      now,
    );
    const noEtag: number[] = [];

    const sendPart = async (partNumber: number): Promise<void> => {
      const { start, end } = partRange(partNumber, file.size, partSize);
      const body = file.slice(start, end);
      for (let attempt = 1; ; attempt += 1) {
        try {
          const url = await urls.get(partNumber);
          const { etag } = await transport.putPart(url, body, {
            signal: stop.signal,
            onProgress: (loaded) => {
              inFlight.set(partNumber, loaded);
              report();
            },
          });
          inFlight.delete(partNumber);
          sent += end - start;
          if (etag) etags.set(partNumber, etag);
          else noEtag.push(partNumber);
          report();
          return;
        } catch (error) {
          inFlight.delete(partNumber);
          urls.drop(partNumber); // the next try asks for a fresh URL
          if (stop.signal.aborted) throw error;
          if (attempt >= attempts) {
            throw new DirectUploadError(
              `The upload stopped at ${Math.round((100 * sent) / Math.max(1, file.size))}%: part ${partNumber} ` +
                `could not be sent after ${attempts} tries (the connection may have dropped). Choose the same ` +
                'file again to resume: the parts already sent are kept.',
              { cause: error },
            );
          }
          await sleep(Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1)), stop.signal);
          if (stop.signal.aborted) throw error;
        }
      }
    };

    let failure: unknown = null;
    const worker = async () => {
      while (queue.length && !stop.signal.aborted) {
        const partNumber = queue.shift()!;
        try {
          await sendPart(partNumber);
        } catch (error) {
          failure ??= error;
          stop.abort();
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, pending.length) }, worker));
    if (options.signal?.aborted) throw new DirectUploadError(CANCELLED, { cancelled: true });
    if (failure) throw failure;

    if (noEtag.length) {
      // The store did not let the browser read ETags (CORS ExposeHeaders): ask it.
      for (const part of await transport.uploadedParts(uploadId)) etags.set(part.partNumber, part.etag);
    }
    const parts = [...etags.entries()].sort(([a], [b]) => a - b).map(([partNumber, etag]) => ({ partNumber, etag }));
    const result = await transport.complete(uploadId, parts);
    forgetUpload(file);
    return result;
  } catch (error) {
    if (options.signal?.aborted) {
      forgetUpload(file);
      if (id) await transport.abort(id).catch(() => undefined); // best effort: the sweeper aborts it anyway
      throw new DirectUploadError(CANCELLED, { cancelled: true, cause: error });
    }
    if (error instanceof DirectUploadError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new DirectUploadError(`The upload stopped (${reason}). Choose the same file again to resume.`, {
      cause: error,
    });
  } finally {
    options.signal?.removeEventListener('abort', onCancel);
  }
}
