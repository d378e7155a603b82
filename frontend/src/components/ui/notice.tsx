import type { ReactNode } from 'react';

/** An inline message; errors are announced at once (role="alert"), the rest politely. */
export function Notice({
  tone = 'info',
  children,
  className,
}: {
  tone?: 'info' | 'success' | 'warning' | 'error';
  children: ReactNode;
  className?: string;
}) {
  return (
    <div className={`notice notice-${tone} ${className ?? ''}`} role={tone === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
