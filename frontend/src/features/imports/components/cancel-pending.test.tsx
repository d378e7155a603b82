import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { cancelConsequence, ImportJobPanel } from '@/features/imports/components/import-job-panel';
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

describe('cancelling an import that runs', () => {
  it('says exactly what will still be written: the rows being written at that moment', () => {
    const none = cancelConsequence({ status: 'PROCESSING', dryRun: false, createdCount: 0, updatedCount: 0 });
    expect(none).not.toMatch(/before the rest of the file is applied/);
    expect(none).toMatch(/rows being written at that moment \(at most about a second of work\) are still written/);
    const some = cancelConsequence({ status: 'PROCESSING', dryRun: false, createdCount: 22_000, updatedCount: 839 });
    expect(some).toMatch(/^22,839 products have already been changed/);
    expect(some).toMatch(/still written and kept; nothing after them is\. Cancelling does not undo/);
  });
});
