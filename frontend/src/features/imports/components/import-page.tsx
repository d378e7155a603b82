import { useCallback, useState } from 'react';
import { Notice } from '@/components/ui/notice';
import { useCan, useRoleLabel } from '@/lib/permissions';
import { useSearchParams } from 'react-router';
import type { ImportJobFieldsFragment } from '@/gql/graphql';
import { PageHeader } from '@/components/layouts/page-header';
import { useImportJobs } from '@/features/imports/api/get-import-jobs';
import { HISTORY_PAGE_SIZE, ImportHistory } from '@/features/imports/components/import-history';
import { ImportJobPanel } from '@/features/imports/components/import-job-panel';
import { UploadForm } from '@/features/imports/components/upload-form';
import { ResumeCheck } from '@/features/imports/components/resume-check';
import { isFinished } from '@/features/imports/lib/import-status';

/**
 * Upload a CSV, watch the import, see earlier ones. The shown job is in the URL
 * (`?job=`); without one, a job still pending or running is shown (else the
 * newest), so leaving the page and coming back finds the import where it is.
 * The column check of a staged import has its own URL (`?check=`): a reload or
 * Back comes back to it, and History offers "Continue checking".
 */
export default function ImportPage() {
  const [params, setParams] = useSearchParams();
  const [{ data }] = useImportJobs(HISTORY_PAGE_SIZE, null);
  const [refreshKey, setRefreshKey] = useState('');
  const [live, setLive] = useState<ImportJobFieldsFragment | null>(null);
  const checkId = params.get('check');
  // The job this page just started: its panel takes the keyboard focus the start button had.
  const [startedId, setStartedId] = useState<string | null>(null);
  const canImport = useCan('importProducts');
  const roleLabel = useRoleLabel();
  // Without ?job=, a job still waiting or running comes first; else the newest one.
  const jobs = data?.importJobs.edges.map((e) => e.node) ?? [];
  const active = jobs.find((job) => !isFinished(job.status) && job.status !== 'STAGED');
  const shown = params.get('job') ?? active?.id ?? jobs[0]?.id ?? null;
  // The job whose column check is open is not shown twice (its panel would only say "waiting").
  const selectedId = shown === checkId ? null : shown;

  const select = useCallback((id: string) => setParams({ job: id }, { replace: false }), [setParams]);
  const check = useCallback((id: string) => setParams({ check: id }, { replace: false }), [setParams]);
  const onStatusChange = useCallback(() => setRefreshKey(String(Date.now())), []);

  return (
    <section>
      <PageHeader
        title="Import"
        description="Add or update products from a CSV or Excel (.xlsx) file: a later row for the same SKU wins; a bad row is skipped and reported."
      />
      {/* One keyed box per step: leaving the check (started, discarded) removes all of it. */}
      <div key={checkId ? `check-${checkId}` : 'upload'} className="import-step">
        {checkId ? (
          <ResumeCheck
            key={checkId}
            id={checkId}
            onStarted={(job) => {
              setStartedId(job.id);
              select(job.id);
              setRefreshKey(`${job.id}-started`);
            }}
            onCancelled={() => {
              setParams({}, { replace: false });
              setRefreshKey(String(Date.now()));
            }}
            onLeave={(id) => select(id)}
          />
        ) : !canImport ? (
          <Notice tone="info">
            Your {roleLabel} role can follow imports but not start them: that needs the Editor role.
          </Notice>
        ) : (
          <UploadForm
            onQueued={(job) => {
              setStartedId(job.id);
              select(job.id);
              setRefreshKey(job.id);
            }}
            onStaged={(job) => {
              check(job.id);
              setRefreshKey(`${job.id}-staged`);
            }}
          />
        )}
      </div>
      {selectedId && (
        <ImportJobPanel
          key={selectedId}
          id={selectedId}
          onStatusChange={onStatusChange}
          onJob={setLive}
          onSelect={select}
          onContinue={check}
          focusTitle={startedId === selectedId}
        />
      )}
      <ImportHistory selectedId={selectedId} onSelect={select} onContinue={check} refreshKey={refreshKey} live={live} />
    </section>
  );
}
