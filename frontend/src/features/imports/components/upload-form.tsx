import { useRef, useState, type DragEvent, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { Button } from '@/components/ui/button';
import { CheckboxField } from '@/components/ui/checkbox-field';
import { Notice } from '@/components/ui/notice';
import { ProgressBar } from '@/components/ui/progress-bar';
import type { ImportJobFieldsFragment } from '@/gql/graphql';
import { formatBytes } from '@/lib/format';
import { useUpload } from '@/lib/use-upload';
import { ImportProductsMutation } from '@/features/imports/api/import-products';
import { StageImportMutation, type StagedJob } from '@/features/imports/api/stage-import';
import { StartImportMutation } from '@/features/imports/api/start-import';
import { useUploadLimits } from '@/features/imports/api/direct-upload';
import { findUpload, rememberedUploads, type RememberedUpload } from '@/features/imports/direct-upload/remembered';
import { useDirectUpload } from '@/features/imports/direct-upload/use-direct-upload';

/** What the file picker offers: the extensions, and the types browsers give those files. */
const ACCEPTED_FILES = [
  '.csv,.tsv,.txt,.gz,.xlsx',
  'text/csv,text/plain,application/gzip',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
].join(',');

export interface UploadFormProps {
  onQueued: (job: ImportJobFieldsFragment) => void;
  /** Given: a "Check columns" button uploads the file to be inspected first. */
  onStaged?: (job: StagedJob) => void;
}

/** "12 MB of 40 MB", with the speed when it is measured ("· 3.1 MB/s"). */
function progressText(progress: { loaded: number; total: number; bytesPerSecond?: number | null }): string {
  const amount = `${formatBytes(progress.loaded)} of ${formatBytes(progress.total)}`;
  return progress.bytesPerSecond ? `${amount} · ${formatBytes(progress.bytesPerSecond)}/s` : amount;
}

/** Drop zone (or "Choose file"), the dry-run option, and the upload's own progress. */
export function UploadForm({ onQueued, onStaged }: UploadFormProps) {
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(false);
  const [dragging, setDragging] = useState(false);
  const viaServer = useUpload();
  const viaStore = useDirectUpload();
  const [, startImport] = useMutation(StartImportMutation);
  // With object storage the file goes straight to the store in parts; else through the server.
  const [{ data: limits }] = useUploadLimits();
  const direct = limits?.uploadLimits?.directUploads === true;
  const { state, cancel, reset } = direct ? viaStore : viaServer;
  /** Unfinished direct uploads this browser remembers (offered for resuming). */
  const [unfinished, setUnfinished] = useState<RememberedUpload[]>(() => rememberedUploads());
  /** The upload whose file the person is choosing again to resume it. */
  const resuming = useRef<RememberedUpload | null>(null);
  /** Whether the upload under way is "Check columns" (else "Start import"). */
  const [checking, setChecking] = useState(false);
  const [starting, setStarting] = useState(false);
  const uploading = state.phase === 'uploading' || starting;
  const resumable = direct && file !== null && findUpload(file) !== null;

  function done() {
    setFile(null);
    if (input.current) input.current.value = '';
  }

  /** Sends `chosen` straight to the store; the staged import, or null (the state says why). */
  async function sendDirect(chosen: File): Promise<StagedJob | null> {
    const job = await viaStore.send(chosen, { dryRun });
    setUnfinished(rememberedUploads());
    return job;
  }

  async function check(chosen = file) {
    if (!chosen || uploading || !onStaged) return;
    setChecking(true);
    // The dry-run choice travels with the staged job: the check step starts what was chosen.
    const job = direct
      ? await sendDirect(chosen)
      : await viaServer.send({
          document: StageImportMutation,
          variables: { dryRun },
          file: chosen,
          payload: (data) => data.stageImport,
        });
    if (!job) return;
    done();
    if (job.status === 'STAGED') onStaged(job);
    else onQueued(job); // refused at once (FAILED): the job panel says why
  }

  function choose(next: File | null | undefined) {
    reset();
    setFile(next ?? null);
    const wanted = resuming.current;
    resuming.current = null;
    // The file of an interrupted upload, chosen again from its "Resume" button: carry on at once.
    if (next && wanted && direct && findUpload(next)?.id === wanted.id) {
      if (onStaged) void check(next);
      else void importDirect(next);
    }
  }

  function resume(upload: RememberedUpload) {
    resuming.current = upload;
    input.current?.click();
  }

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    if (!uploading) choose(event.dataTransfer.files[0]);
  }

  /**
   * "Start import" through a staged job (straight to the store, or through the server when
   * the check step is at hand): started at once when its columns are recognised; otherwise
   * the mapping step opens instead of a failure.
   */
  async function importDirect(chosen: File) {
    setChecking(false);
    const job = direct
      ? await sendDirect(chosen)
      : await viaServer.send({
          document: StageImportMutation,
          variables: { dryRun },
          file: chosen,
          payload: (data) => data.stageImport,
        });
    if (!job) return;
    done();
    if (job.status !== 'STAGED') return onQueued(job); // refused at once: the panel says why
    if (job.mappingProblem && onStaged) return onStaged(job); // columns not recognised: map them
    setStarting(true);
    const started = await startImport({ id: job.id, dryRun });
    setStarting(false);
    const answer = started.data?.startImport;
    if (answer?.__typename === 'ImportJob') onQueued(answer);
    else if (onStaged)
      onStaged(job); // the columns need a person's choice: the check step says which
    else onQueued(job);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file || uploading) return;
    if (direct || onStaged) return importDirect(file);
    setChecking(false);
    const job = await viaServer.send({
      document: ImportProductsMutation,
      variables: { dryRun },
      file,
      payload: (data) => data.importProducts,
    });
    if (job) {
      done();
      onQueued(job);
    }
  }

  return (
    <form className="card" onSubmit={submit} aria-labelledby="new-import-title">
      <h2 id="new-import-title">New import</h2>
      {/* A mouse shortcut; keyboards use the "Choose file" button inside. */}
      {/* eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-static-element-interactions */}
      <div
        className={`drop-zone${dragging ? ' dragging' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        onClick={() => !uploading && input.current?.click()}
      >
        {file ? (
          <p>
            <strong>{file.name}</strong> <span className="muted">({formatBytes(file.size)})</span>
          </p>
        ) : (
          <p>
            <strong>Drop a CSV or Excel file here</strong> (.csv, .tsv, .txt, .csv.gz or .xlsx, with a header row naming
            the SKU and name columns)
          </p>
        )}
        <Button
          disabled={uploading}
          onClick={(e) => {
            e.stopPropagation();
            input.current?.click();
          }}
        >
          {file ? 'Choose another file' : 'Choose file'}
        </Button>
        <input
          ref={input}
          type="file"
          className="visually-hidden"
          tabIndex={-1}
          aria-label="CSV file"
          accept={ACCEPTED_FILES}
          onChange={(e) => choose(e.target.files?.[0])}
        />
      </div>
      <div className="import-options">
        <CheckboxField
          label="Dry run"
          hint="Check every row and report the counts, but change no product."
          checked={dryRun}
          onChange={(e) => setDryRun(e.target.checked)}
          disabled={uploading}
        />
      </div>
      {direct &&
        !uploading &&
        unfinished
          .filter((upload) => !file || findUpload(file)?.id !== upload.id)
          .map((upload) => (
            <Notice key={upload.id} tone="info">
              The upload of <strong>{upload.name}</strong> ({formatBytes(upload.size)}) did not finish. Choose the same
              file again to send only what is missing.{' '}
              <Button onClick={() => resume(upload)}>Resume upload of {upload.name}</Button>
            </Notice>
          ))}
      {resumable && !uploading && (
        <Notice tone="info">Part of this file is already in the store: the upload resumes where it stopped.</Notice>
      )}
      {state.phase === 'uploading' && (
        <ProgressBar
          label="Upload"
          value={state.progress.total ? (100 * state.progress.loaded) / state.progress.total : null}
          valueText={progressText(state.progress)}
        />
      )}
      {state.phase === 'failed' && <Notice tone="error">{state.message}</Notice>}
      {state.phase === 'cancelled' && <Notice tone="info">{state.message}</Notice>}
      <div className="dialog-footer" style={{ justifyContent: 'flex-start' }}>
        {onStaged && (
          <Button
            variant="primary"
            disabled={!file || uploading}
            busy={uploading && checking}
            onClick={() => void check()}
          >
            Check columns
          </Button>
        )}
        <Button
          type="submit"
          variant={onStaged ? undefined : 'primary'}
          disabled={!file || (uploading && checking)}
          busy={uploading && !checking}
        >
          {dryRun ? 'Start dry run' : 'Start import'}
        </Button>
        {state.phase === 'uploading' && <Button onClick={cancel}>Cancel upload</Button>}
      </div>
    </form>
  );
}
