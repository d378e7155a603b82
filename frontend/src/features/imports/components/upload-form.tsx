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

/** Drop zone (or "Choose file"), the dry-run option, and the upload's own progress. */
export function UploadForm({ onQueued, onStaged }: UploadFormProps) {
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(false);
  const [dragging, setDragging] = useState(false);
  const { state, send, cancel, reset } = useUpload();
  /** Whether the upload under way is "Check columns" (else "Start import"). */
  const [checking, setChecking] = useState(false);
  const [{ fetching: startFetching }, startImport] = useMutation(StartImportMutation);
  const [starting, setStarting] = useState(false);
  const uploading = state.phase === 'uploading' || starting || startFetching;

  async function check() {
    if (!file || uploading || !onStaged) return;
    setChecking(true);
    // The dry-run choice travels with the staged job: the check step starts what was chosen.
    const job = await send({
      document: StageImportMutation,
      variables: { dryRun },
      file,
      payload: (data) => data.stageImport,
    });
    if (!job) return;
    setFile(null);
    if (input.current) input.current.value = '';
    if (job.status === 'STAGED') onStaged(job);
    else onQueued(job); // refused at once (FAILED): the job panel says why
  }

  /**
   * "Start import" with the check step at hand: the file is staged, then started at once
   * when its columns are recognised; otherwise the mapping step opens instead of a failure.
   */
  async function stageThenStart() {
    const job = await send({
      document: StageImportMutation,
      variables: { dryRun },
      file: file!,
      payload: (data) => data.stageImport,
    });
    if (!job) return;
    setFile(null);
    if (input.current) input.current.value = '';
    if (job.status !== 'STAGED') return onQueued(job); // refused at once: the panel says why
    if (job.mappingProblem) return onStaged?.(job); // columns not recognised: map them
    setStarting(true);
    const result = await startImport({ id: job.id, dryRun });
    setStarting(false);
    const started = result.data?.startImport;
    if (started?.__typename === 'ImportJob') onQueued(started);
    else onStaged?.(job); // a problem with the options: the check step shows it
  }

  function choose(next: File | null | undefined) {
    reset();
    setFile(next ?? null);
  }

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    if (!uploading) choose(event.dataTransfer.files[0]);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file || uploading) return;
    setChecking(false);
    if (onStaged) {
      await stageThenStart();
      return;
    }
    const job = await send({
      document: ImportProductsMutation,
      variables: { dryRun },
      file,
      payload: (data) => data.importProducts,
    });
    if (job) {
      setFile(null);
      if (input.current) input.current.value = '';
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
      {state.phase === 'uploading' && (
        <ProgressBar
          label="Upload"
          value={state.progress.total ? (100 * state.progress.loaded) / state.progress.total : null}
          valueText={`${formatBytes(state.progress.loaded)} of ${formatBytes(state.progress.total)}`}
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
