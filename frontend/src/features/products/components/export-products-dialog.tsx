import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog, DialogFooter } from '@/components/ui/dialog';
import { Notice } from '@/components/ui/notice';
import { ProgressBar } from '@/components/ui/progress-bar';
import type { ExportFormat, ProductFilter } from '@/gql/graphql';
import { describeError } from '@/lib/error-message';
import { formatBytes, formatDateTime, formatNumber, plural } from '@/lib/format';
import { problemText } from '@/lib/operation-info';
import { useExportProducts } from '@/features/products/api/export-products';
import { useExportJobProgress } from '@/features/products/hooks/use-export-job-progress';

const FORMATS: readonly { value: ExportFormat; label: string; hint: string }[] = [
  { value: 'CSV', label: 'CSV', hint: 'UTF-8, opens in Excel and any spreadsheet' },
  { value: 'XLSX', label: 'Excel workbook (.xlsx)', hint: 'one sheet, up to 1,048,575 products' },
  { value: 'JSONL', label: 'JSON Lines (.jsonl)', hint: 'one product a line, for programs' },
  { value: 'JSONL_GZ', label: 'JSON Lines, gzip (.jsonl.gz)', hint: 'the same, compressed' },
];

const FILE_KINDS: Record<ExportFormat, string> = {
  CSV: 'CSV file',
  XLSX: 'Excel file',
  JSONL: 'JSON Lines file',
  JSONL_GZ: 'JSON Lines file (gzip)',
};

export interface ExportProductsButtonProps {
  /** The filters the products page shows now (null: every product). */
  filters: ProductFilter | null;
}

/**
 * "Export": asks CSV or Excel, exports the products the current filters show (every page),
 * shows the progress while a worker writes the file, then offers the download.
 */
export function ExportProductsButton({ filters }: ExportProductsButtonProps) {
  const [open, setOpen] = useState(false);
  const [format, setFormat] = useState<ExportFormat>('CSV');
  const [jobId, setJobId] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [started, startExport] = useExportProducts();
  const { job, error } = useExportJobProgress(jobId);

  const start = async () => {
    setProblem(null);
    const result = await startExport({ filters, format });
    const payload = result.data?.exportProducts;
    if (result.error) setProblem(describeError(result.error));
    else if (payload?.__typename === 'OperationInfo') setProblem(problemText(payload));
    else if (payload?.__typename === 'ExportJob') setJobId(payload.id);
  };
  const reset = () => {
    setJobId(null);
    setProblem(null);
  };
  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (!next && job && job.status !== 'PENDING' && job.status !== 'PROCESSING') reset();
  };

  return (
    <>
      <Button onClick={() => setOpen(true)}>Export</Button>
      <Dialog
        open={open}
        onOpenChange={onOpenChange}
        title="Export products"
        description={
          filters ? 'The products the current filters show, on every page.' : 'Every product in the catalogue.'
        }
      >
        {jobId === null ? (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void start();
            }}
          >
            <fieldset className="field">
              <legend>File format</legend>
              {FORMATS.map((option) => (
                <label key={option.value} className="radio-option">
                  <input
                    type="radio"
                    name="export-format"
                    value={option.value}
                    checked={format === option.value}
                    onChange={() => setFormat(option.value)}
                  />
                  {option.label} <span className="muted">({option.hint})</span>
                </label>
              ))}
            </fieldset>
            {problem && <Notice tone="error">{problem}</Notice>}
            <DialogFooter>
              <Button onClick={() => onOpenChange(false)}>Cancel</Button>
              <Button type="submit" variant="primary" busy={started.fetching}>
                Start export
              </Button>
            </DialogFooter>
          </form>
        ) : (
          <ExportJobView job={job} error={error ? describeError(error) : null} onAgain={reset} />
        )}
      </Dialog>
    </>
  );
}

type Job = ReturnType<typeof useExportJobProgress>['job'];

function ExportJobView({ job, error, onAgain }: { job: Job; error: string | null; onAgain: () => void }) {
  if (error) return <Notice tone="error">{error}</Notice>;
  if (!job) return <ProgressBar value={null} label="Export progress" valueText="Starting…" />;
  if (job.status === 'COMPLETED' && job.downloadUrl) {
    return (
      <>
        <Notice tone="success">
          Exported {plural(job.rowCount, 'product')} ({formatBytes(job.fileSize)}). The file is kept until{' '}
          {formatDateTime(job.expiresAt)}.
        </Notice>
        <DialogFooter>
          <Button onClick={onAgain}>Export again</Button>
          <a className="btn btn-primary" href={job.downloadUrl} download>
            Download {FILE_KINDS[job.format]}
          </a>
        </DialogFooter>
      </>
    );
  }
  if (job.status === 'FAILED' || job.status === 'EXPIRED') {
    return (
      <>
        <Notice tone="error">
          {job.status === 'FAILED'
            ? `The export failed: ${job.errorMessage ?? 'unknown reason'}`
            : 'This export’s file was deleted; export again.'}
        </Notice>
        <DialogFooter>
          <Button variant="primary" onClick={onAgain}>
            Export again
          </Button>
        </DialogFooter>
      </>
    );
  }
  const total = job.totalRows;
  // The percentage follows the rows written, so it never reads "99% · 573 of 573".
  const value = job.status === 'PENDING' ? null : total ? (100 * job.rowCount) / total : job.progress;
  const of =
    total == null
      ? 'Waiting for a worker…'
      : `${formatNumber(job.rowCount)} of ${plural(total, 'product')}` +
        (job.rowCount >= total ? ' · finishing the file' : '');
  return <ProgressBar value={value} label="Export progress" valueText={of} />;
}
