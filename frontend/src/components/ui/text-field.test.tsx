import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { lengthProblem, TextField } from '@/components/ui/text-field';

function Limited() {
  const [value, setValue] = useState('');
  return <TextField label="Name" value={value} onChange={(e) => setValue(e.target.value)} limit={255} />;
}

describe('a text field with a limit', () => {
  it('keeps a pasted text whole and says how much is too long, instead of cutting it silently', async () => {
    render(<Limited />);
    const user = userEvent.setup();
    const field = screen.getByLabelText('Name');
    await user.click(field);
    await user.paste('x'.repeat(300));
    expect(field).toHaveValue('x'.repeat(300));
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription('300 characters; at most 255. Remove 45.');
  });

  it('shows a counter near the limit and nothing far from it', async () => {
    render(<Limited />);
    const user = userEvent.setup();
    const field = screen.getByLabelText('Name');
    await user.click(field);
    await user.paste('y'.repeat(10));
    expect(field).not.toHaveAccessibleDescription();
    await user.paste('y'.repeat(240));
    expect(field).toHaveAccessibleDescription('250 / 255 characters');
    expect(field).not.toHaveAttribute('aria-invalid');
  });

  it('lengthProblem is null within the limit', () => {
    expect(lengthProblem('a'.repeat(255), 255)).toBeNull();
    expect(lengthProblem('a'.repeat(256), 255)).toBe('256 characters; at most 255. Remove 1.');
  });
});
