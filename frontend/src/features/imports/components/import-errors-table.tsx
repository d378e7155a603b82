import type { ImportJobQuery } from '@/gql/graphql';
import { formatNumber } from '@/lib/format';

type Errors = NonNullable<ImportJobQuery['importJob']>['errors'];

/** The download URL of all rejected rows (served by Django, session-authenticated). */
export function errorsCsvUrl(jobId: string): string {
  return `/imports/${encodeURIComponent(jobId)}/errors.csv`;
}

/** The first rejected rows, and a link to download them all. */
export function ImportErrorsTable({ jobId, errorCount, errors }: { jobId: string; errorCount: number; errors: Errors | null }) {
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
        {rows.length < errorCount ? `The first ${formatNumber(rows.length)} of ${formatNumber(errorCount)}; the CSV has them all, as they were in the file, with the reason.` : 'Each row as the file had it is in the CSV, with the reason.'}
      </p>
      <div className="table-wrap">
        <table aria-label="Rows skipped">
          <thead>
            <tr>
              <th scope="col" className="num">
                Line
              </th>
              <th scope="col">SKU</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={`${row.line}-${row.message}`}>
                <td className="num">{row.line}</td>
                <td className="mono">{row.sku ?? <span className="muted">—</span>}</td>
                <td>{row.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
