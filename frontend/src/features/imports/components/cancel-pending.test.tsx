import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ImportJobPanel } from '@/features/imports/components/import-job-panel';
import { importJob } from '@/features/imports/test/import-job';
import { createMockClient, operationName, withProviders } from '@/test/mock-client';

describe('cancelling an import that never started', () => {
  it('offers to keep it queued, not to "keep importing"', async () => {
    const queued = importJob({ status: 'PENDING', startedAt: null, progress: 0 });
    const { client } = createMockClient((op) =>
      operationName(op) === 'ImportProgress'
        ? new Error('no socket')
        : { importJob: { ...queued, errors: { __typename: 'ImportRowErrorConnection', totalCount: 0, edges: [] } } },
    );
    render(withProviders(<ImportJobPanel id={queued.id} />, client));
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Cancel import' }));

    const dialog = screen.getByRole('dialog', { name: 'Cancel this import?' });
    expect(dialog).toContainElement(screen.getByRole('button', { name: 'Keep it queued' }));
    expect(screen.queryByRole('button', { name: 'Keep importing' })).not.toBeInTheDocument();
  });
});
