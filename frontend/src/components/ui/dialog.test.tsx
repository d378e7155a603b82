import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Dialog, DialogFooter } from '@/components/ui/dialog';
import { TextField } from '@/components/ui/text-field';

function FormInDialog() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>Edit thing</Button>
      <Dialog open={open} onOpenChange={setOpen} title="Edit thing">
        <TextField label="First field" defaultValue="" />
        <TextField label="Second field" defaultValue="" />
        <DialogFooter>
          <Button onClick={() => setOpen(false)}>Cancel</Button>
          <Button variant="primary" onClick={() => setOpen(false)}>
            Save
          </Button>
        </DialogFooter>
      </Dialog>
    </>
  );
}

describe('dialogs and the keyboard', () => {
  it('open with focus on the first field, not on the close button', async () => {
    render(<FormInDialog />);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Edit thing' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit thing' });
    await waitFor(() => expect(screen.getByLabelText('First field')).toHaveFocus());
    expect(dialog).toBeInTheDocument();
  });

  it.each(['Escape', 'Cancel', 'Save'])('give focus back to the button that opened them after %s', async (how) => {
    render(<FormInDialog />);
    const user = userEvent.setup();
    const opener = screen.getByRole('button', { name: 'Edit thing' });
    await user.click(opener);
    await waitFor(() => expect(screen.getByLabelText('First field')).toHaveFocus());
    if (how === 'Escape') await user.keyboard('{Escape}');
    else await user.click(screen.getByRole('button', { name: how }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(opener).toHaveFocus());
  });

  it('a confirmation without fields focuses its safe button first, and Enter in a field confirms once allowed', async () => {
    const onConfirm = vi.fn(async () => undefined);
    function Confirm({ withField }: { withField: boolean }) {
      const [typed, setTyped] = useState('');
      return (
        <ConfirmDialog
          open
          onOpenChange={() => undefined}
          title="Really?"
          confirmLabel="Do it"
          danger
          onConfirm={onConfirm}
          confirmDisabled={withField && typed !== 'YES'}
        >
          {withField && <TextField label="Type YES" value={typed} onChange={(e) => setTyped(e.target.value)} />}
        </ConfirmDialog>
      );
    }
    const { unmount } = render(<Confirm withField={false} />);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Keep it' })).toHaveFocus());
    unmount();

    render(<Confirm withField />);
    const user = userEvent.setup();
    const field = await screen.findByLabelText('Type YES');
    await waitFor(() => expect(field).toHaveFocus());
    await user.keyboard('no{Enter}');
    expect(onConfirm).not.toHaveBeenCalled();
    await user.clear(field);
    await user.type(field, 'YES{Enter}');
    await waitFor(() => expect(onConfirm).toHaveBeenCalledTimes(1));
  });
});
