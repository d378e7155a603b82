import { useRef, useState, type DragEvent, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { CheckboxField } from '@/components/ui/checkbox-field';
import { Notice } from '@/components/ui/notice';
import { ProgressBar } from '@/components/ui/progress-bar';
import type { ImportJobFieldsFragment } from '@/gql/graphql';
import { formatBytes } from '@/lib/format';
import { useImportProducts } from '@/features/imports/api/import-products';

export interface UploadFormProps {
  onQueued: (job: ImportJobFieldsFragment) => void;
}

/** Drop zone (or "Choose file"), the dry-run option, and the upload's own progress. */
export function UploadForm({ onQueued }: UploadFormProps) {
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(false);
  const [dragging, setDragging] = useState(false);
  const { state, start, cancel, reset } = useImportProducts();
  const uploading = state.phase === 'uploading';

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
    const job = await start(file, dryRun);
    if (job) {
      setFile(null);
      if (input.current) input.current.value = '';
      onQueued(job);
    }
  }

  return (
    <form className="card" onSubmit={submit} aria-labelledby="new-import-title">
      <h2 id="new-import-title">New import</h2>
      {/* eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-static-element-interactions -- a mouse shortcut; keyboards use the "Choose file" button inside */}
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
            <strong>Drop a CSV file here</strong> (.csv or .csv.gz, with a header row naming <code>sku</code> and <code>name</code>)
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
          accept=".csv,.gz,text/csv,application/gzip"
          onChange={(e) => choose(e.target.files?.[0])}
        />
      </div>
      <div className="import-options">
        <CheckboxField label="Dry run" hint="Check every row and report the counts, but change no product." checked={dryRun} onChange={(e) => setDryRun(e.target.checked)} disabled={uploading} />
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
        <Button type="submit" variant="primary" disabled={!file} busy={uploading}>
          {dryRun ? 'Start dry run' : 'Start import'}
        </Button>
        {uploading && <Button onClick={cancel}>Cancel upload</Button>}
      </div>
    </form>
  );
}
