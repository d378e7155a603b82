import { LongText } from '@/components/ui/long-text';
import { DataTable, type DataColumn } from '@/components/ui/data-table';
import type { ImportJobQuery } from '@/gql/graphql';
import { formatNumber } from '@/lib/format';

type Errors = NonNullable<ImportJobQuery['importJob']>['errors'];

const ERROR_COLUMNS: readonly DataColumn[] = [
  { header: 'Line', className: 'num' },
  { header: 'SKU' },
  { header: 'Problem' },
];

/** The download URL of all rejected rows (served by Django, session-authenticated). */
export function errorsCsvUrl(jobId: string): string {
  return `/imports/${encodeURIComponent(jobId)}/errors.csv`;
}

/** The first rejected rows, and a link to download them all. */
export function ImportErrorsTable({
  jobId,
  errorCount,
  errors,
}: {
  jobId: string;
  errorCount: number;
  errors: Errors | null;
}) {
  const rows = errors?.edges.map((edge) => edge.node) ?? [];
  return (
    <div>
      <div className="section-title">
        <h3>Rows skipped</h3>
        <a href={errorsCsvUrl(jobId)} download>
          Download errors.csv
        </a>
      </div>
      <p className="muted">
        {rows.length < errorCount
          ? `The first ${formatNumber(rows.length)} of ${formatNumber(errorCount)}; ` +
            'the CSV has them all, as they were in the file, with the reason.'
          : 'Each row as the file had it is in the CSV, with the reason.'}
      </p>
      <DataTable label="Rows skipped" columns={ERROR_COLUMNS}>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.line}-${row.message}`}>
              <td className="num">{row.line}</td>
              <td className="mono">{row.sku ? <LongText text={row.sku} /> : <span className="muted">—</span>}</td>
              <td>
                <LongText text={row.message} />
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </div>
  );
}
