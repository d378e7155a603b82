import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Notice } from '@/components/ui/notice';
import type { ImportJobFieldsFragment } from '@/gql/graphql';
import { describeError } from '@/lib/error-message';
import { formatDateTime } from '@/lib/format';
import { problemText } from '@/lib/operation-info';
import { useImportAgain } from '@/features/imports/api/import-again';

export interface ImportAgainProps {
  job: Pick<ImportJobFieldsFragment, 'id' | 'fileName' | 'fileKeptUntil'>;
  /** Shows the import it queued. */
  onQueued: (id: string) => void;
}

/** After a dry run: import the same file for real with the same settings, no new upload. */
export function ImportAgain({ job, onQueued }: ImportAgainProps) {
  const [{ fetching }, importAgain] = useImportAgain();
  const [problem, setProblem] = useState<string | null>(null);
  async function go() {
    setProblem(null);
    const result = await importAgain({ id: job.id, dryRun: false });
    const payload = result.data?.importAgain;
    if (!payload) setProblem(result.error ? describeError(result.error) : 'The import could not be queued.');
    else if (payload.__typename === 'OperationInfo') setProblem(problemText(payload));
    else onQueued(payload.id);
  }
  return (
    <div className="import-again">
      <p className="muted">
        The file is kept until {formatDateTime(job.fileKeptUntil!)}: import it now with the same columns and choices,
        without uploading it again.
      </p>
      <Button variant="primary" busy={fetching} disabled={fetching} onClick={() => void go()}>
        Import this file now with the same settings
      </Button>
      {problem && <Notice tone="error">{problem}</Notice>}
    </div>
  );
}
