export interface ProgressBarProps {
  /** 0-100, or null while the amount is not known yet. */
  value: number | null;
  label: string;
  /** Text read out and shown instead of the percentage ("12.3 MB of 40 MB"). */
  valueText?: string;
}

/** A progressbar with its value for assistive technology, and the percentage shown. */
export function ProgressBar({ value, label, valueText }: ProgressBarProps) {
  const clamped = value == null ? null : Math.max(0, Math.min(100, value));
  const shown = clamped == null ? '' : `${Math.floor(clamped)}%`;
  return (
    <div className="progress">
      <div className="progress-labels">
        <span>{label}</span>
        <span className="progress-value">{valueText ? `${shown} · ${valueText}` : shown}</span>
      </div>
      <div
        className={`progress-track${clamped == null ? ' progress-indeterminate' : ''}`}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={clamped == null ? undefined : Math.floor(clamped)}
        aria-valuetext={valueText ? `${shown} ${valueText}` : undefined}
      >
        <div className="progress-fill" style={{ width: `${clamped ?? 30}%` }} />
      </div>
    </div>
  );
}
