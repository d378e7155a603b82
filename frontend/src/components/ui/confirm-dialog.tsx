import { useState, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog, DialogFooter } from '@/components/ui/dialog';
import { Notice } from '@/components/ui/notice';

export interface ConfirmDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  children?: ReactNode;
  /** Names the action ("Delete product"), never just "OK". */
  confirmLabel: string;
  danger?: boolean;
  /** Rejecting (or resolving with a message) keeps the dialog open and shows why. */
  onConfirm: () => Promise<string | void>;
  confirmDisabled?: boolean;
  /** The button that backs out ("Keep it"; "Keep importing" where that reads better). */
  cancelLabel?: string;
}

/** Asks before an action that cannot be undone, and shows the action's error in place. */
export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  children,
  confirmLabel,
  danger,
  onConfirm,
  confirmDisabled,
  cancelLabel = 'Keep it',
}: ConfirmDialogProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      const problem = await onConfirm();
      if (problem) setError(problem);
      else onOpenChange(false);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next) setError(null);
        onOpenChange(next);
      }}
      title={title}
    >
      {/* A form, so Enter in a field (the typed DELETE) confirms once it may. */}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!confirmDisabled && !busy) void confirm();
        }}
      >
        {children}
        {error && <Notice tone="error">{error}</Notice>}
        <DialogFooter>
          <Button onClick={() => onOpenChange(false)}>{cancelLabel}</Button>
          <Button type="submit" variant={danger ? 'danger' : 'primary'} busy={busy} disabled={confirmDisabled}>
            {confirmLabel}
          </Button>
        </DialogFooter>
      </form>
    </Dialog>
  );
}
