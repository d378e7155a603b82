import { FieldError } from '@/components/ui/field-error';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import type { EmptyCells, ImportMode, ImportOptionsInput, MissingProducts, MissingScope } from '@/gql/graphql';

/** The sync choices of an import: what rows may do, empty cells, products not in the file. */
export type SyncChoicesValue = Pick<
  ImportOptionsInput,
  'mode' | 'emptyCells' | 'missing' | 'missingScope' | 'source' | 'maxRemovalPercent'
>;

const MODES: { value: ImportMode; label: string }[] = [
  { value: 'UPSERT', label: 'Create new products and update existing ones' },
  { value: 'UPDATE_ONLY', label: 'Only update products that already exist' },
  { value: 'CREATE_ONLY', label: 'Only create new products; leave existing ones as they are' },
];

const EMPTY: { value: EmptyCells; label: string }[] = [
  { value: 'CLEAR', label: 'Empty the field' },
  { value: 'KEEP', label: 'Keep the current value' },
];

const MISSING: { value: MissingProducts; label: string }[] = [
  { value: 'LEAVE', label: 'Leave them as they are' },
  { value: 'DEACTIVATE', label: 'Deactivate them' },
  { value: 'DELETE', label: 'Delete them' },
];

const SCOPES: { value: MissingScope; label: string }[] = [
  { value: 'ALL', label: 'Any product in the catalogue' },
  { value: 'SOURCE', label: 'Only products this source created' },
];

export interface SyncChoicesProps {
  value: SyncChoicesValue;
  onChange: (value: SyncChoicesValue) => void;
  /** Messages by option name (mode, source, maxRemovalPercent, ...). */
  errors: Record<string, string[] | undefined>;
  disabled?: boolean;
  /** The products' owner is fixed (a feed, "this feed"): no Source field, and the scope names it. */
  ownSource?: string;
}

/** The "What the import does" choices of the check step, in plain words. */
export function SyncChoices({ value, onChange, errors, disabled, ownSource }: SyncChoicesProps) {
  const set = (patch: SyncChoicesValue) => onChange({ ...value, ...patch });
  const missing = value.missing ?? 'LEAVE';
  return (
    <fieldset className="check-options">
      <legend>What the import does</legend>
      <div>
        <SelectField
          label="Rows in the file"
          value={value.mode ?? 'UPSERT'}
          options={MODES}
          onChange={(e) => set({ mode: e.target.value as ImportMode })}
          disabled={disabled}
        />
        <FieldError id="mode-error" messages={errors.mode} />
      </div>
      <SelectField
        label="An empty cell"
        value={value.emptyCells ?? 'CLEAR'}
        options={EMPTY}
        onChange={(e) => set({ emptyCells: e.target.value as EmptyCells })}
        disabled={disabled}
      />
      <div>
        <SelectField
          label="Products the file does not list"
          value={missing}
          options={MISSING}
          onChange={(e) => set({ missing: e.target.value as MissingProducts })}
          disabled={disabled}
        />
        <FieldError id="missing-error" messages={errors.missing} />
      </div>
      {missing !== 'LEAVE' && (
        <>
          <SelectField
            label="Which products may be removed"
            value={value.missingScope ?? 'ALL'}
            options={
              ownSource
                ? SCOPES.map((s) => (s.value === 'SOURCE' ? { ...s, label: `Only products ${ownSource} imported` } : s))
                : SCOPES
            }
            onChange={(e) => set({ missingScope: e.target.value as MissingScope })}
            disabled={disabled}
          />
          {!ownSource && (
            <TextField
              label="Source"
              hint="A name for who sends this file, such as acme-supplier; products it imports are remembered as its own."
              value={value.source ?? ''}
              onChange={(e) => set({ source: e.target.value })}
              errors={errors.source}
              disabled={disabled}
            />
          )}
          <TextField
            label="Ask me first when more than this share would be removed (%)"
            type="number"
            min={0}
            max={100}
            value={String(value.maxRemovalPercent ?? 10)}
            onChange={(e) => set({ maxRemovalPercent: e.target.value === '' ? null : Number(e.target.value) })}
            errors={errors.maxRemovalPercent}
            disabled={disabled}
          />
        </>
      )}
    </fieldset>
  );
}
