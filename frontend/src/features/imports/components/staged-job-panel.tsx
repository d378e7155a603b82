import { useState, type Ref } from 'react';
import { Button } from '@/components/ui/button';
import { Notice } from '@/components/ui/notice';
import { StatusBadge } from '@/components/ui/status-badge';
import type { ImportJobFieldsFragment } from '@/gql/graphql';
import { formatBytes, formatDateTime } from '@/lib/format';
import { importStatusWords } from '@/features/imports/lib/import-status';
import { jobTitlePrefix } from '@/features/imports/lib/job-title';

export interface StagedJobPanelProps {
  job: ImportJobFieldsFragment;
  titleRef?: Ref<HTMLHeadingElement>;
  /** Opens its column check (absent: the person may not import). */
  onContinue?: (id: string) => void;
  /** Discards it (its file is deleted); resolves to a problem in words, if any. */
  onDiscard?: () => Promise<string | void>;
}

/**
 * A staged import: uploaded, waiting for its column check. Nothing runs, so there is no
 * progress, no time left and no "Cancel import": it can be checked and started, or
 * discarded.
 */
export function StagedJobPanel({ job, titleRef, onContinue, onDiscard }: StagedJobPanelProps) {
  const [problem, setProblem] = useState<string | null>(null);
  const words = importStatusWords(job.status);
  async function discard() {
    const result = await onDiscard?.();
    if (result) setProblem(result);
  }
  return (
    <section className="card" aria-labelledby="job-title">
      <div className="job-head">
        <div>
          <h2 id="job-title" ref={titleRef} tabIndex={-1}>
            {jobTitlePrefix(job)}
            <span className="mono">{job.fileName}</span>
          </h2>
          <p className="muted">
            {formatBytes(job.fileSize)} · uploaded {formatDateTime(job.createdAt)}
          </p>
        </div>
        <div className="page-actions">
          <span aria-label="Import status">
            <StatusBadge label={words.label} tone={words.tone} />
          </span>
        </div>
      </div>
      <Notice tone="info">
        The file is uploaded and waits for its column check: nothing is imported until you start it there.
      </Notice>
      {problem && <Notice tone="error">{problem}</Notice>}
      {(onContinue || onDiscard) && (
        <div className="dialog-footer" style={{ justifyContent: 'flex-start' }}>
          {onContinue && (
            <Button variant="primary" onClick={() => onContinue(job.id)}>
              Continue checking
            </Button>
          )}
          {onDiscard && <Button onClick={() => void discard()}>Discard this upload</Button>}
        </div>
      )}
    </section>
  );
}
