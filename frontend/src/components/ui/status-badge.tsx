export type BadgeTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

/** A status written in words, with a colour that only repeats what the words say. */
export function StatusBadge({ label, tone = 'neutral' }: { label: string; tone?: BadgeTone }) {
  return <span className={`badge badge-${tone}`}>{label}</span>;
}
