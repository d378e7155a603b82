/** Texts longer than this can be reached with the keyboard, which unfolds them. */
const FOCUSABLE_FROM = 60;

/**
 * A value from a file or a person (a SKU, a name, a message) inside a table cell: it wraps
 * anywhere and folds to two lines, so one 300-character value cannot push the other columns
 * out of view; the full text is in its title and shows on hover or keyboard focus.
 */
export function LongText({ text, className }: { text: string | null | undefined; className?: string }) {
  const value = text ?? '';
  return (
    <span
      className={['long-text', className].filter(Boolean).join(' ')}
      title={value || undefined}
      // Focusable so a keyboard user can unfold a folded value (as hover does for a mouse).
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={value.length > FOCUSABLE_FROM ? 0 : undefined}
    >
      {value}
    </span>
  );
}
