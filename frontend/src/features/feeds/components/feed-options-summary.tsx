import type { FeedFieldsFragment } from '@/gql/graphql';

const MODE: Record<string, string> = {
  UPSERT: 'create new products and update existing ones',
  UPDATE_ONLY: 'only update products that already exist',
  CREATE_ONLY: 'only create new products',
};
const MISSING: Record<string, string> = {
  LEAVE: 'left as they are',
  DEACTIVATE: 'deactivated',
  DELETE: 'deleted',
};
const FIELDS = [
  ['sku', 'SKU'],
  ['name', 'Name'],
  ['description', 'Description'],
  ['active', 'Active'],
] as const;

/** What each run's import does, as saved in the feed, in words. */
export function FeedOptionsSummary({ options }: { options: FeedFieldsFragment['options'] }) {
  const mapping = options.mapping;
  const columns = mapping
    ? FIELDS.filter(([key]) => mapping[key])
        .map(([key, label]) => `${label} ← ${mapping[key]}`)
        .join(', ')
    : '';
  const reading = [
    options.encoding && `encoding ${options.encoding}`,
    options.delimiter && `delimiter ${options.delimiter === '\t' ? 'tab' : options.delimiter}`,
    options.sheet && `sheet ${options.sheet}`,
    options.headerRow && `header on row ${options.headerRow}`,
  ].filter(Boolean);
  return (
    <dl className="facts" aria-label="What each run imports">
      <dt>Columns</dt>
      <dd>{columns || 'found in each file by their names (test the source to check them)'}</dd>
      {reading.length > 0 && (
        <>
          <dt>Reading</dt>
          <dd>{reading.join(', ')}</dd>
        </>
      )}
      <dt>Rows</dt>
      <dd>{MODE[options.mode] ?? options.mode}</dd>
      <dt>Empty cells</dt>
      <dd>{options.emptyCells === 'KEEP' ? 'keep the current value' : 'empty the field'}</dd>
      <dt>Products the file does not list</dt>
      <dd>
        {MISSING[options.missing] ?? options.missing}
        {options.missing !== 'LEAVE' &&
          (options.missingScope === 'SOURCE' ? ' (only products this feed imported)' : ' (any product)') +
            `, asking first above ${options.maxRemovalPercent}%`}
      </dd>
    </dl>
  );
}
