import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Operation } from '@urql/core';
import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { Provider } from 'urql';
import { describe, expect, it } from 'vitest';
import FeedPage from '@/features/feeds/components/feed-page';
import type { CheckColumnsSlotProps } from '@/features/feeds/components/check-columns-slot';
import { feed, feedAnswer, feedRun } from '@/features/feeds/test/feed';
import { PermissionsProvider } from '@/lib/permissions';
import { createMockClient, operationName, type Handler } from '@/test/mock-client';

/** Stands in for the import page's step: shows the job it got and hands back chosen options. */
function FakeCheckColumns({ job, initialOptions, onUse }: CheckColumnsSlotProps) {
  return (
    <section aria-label="Check columns">
      <p>Staged {job.fileName}</p>
      <button
        type="button"
        onClick={() =>
          void onUse({ ...initialOptions, mapping: { sku: 'Artikel', name: 'Name' }, mode: 'UPDATE_ONLY' })
        }
      >
        Use these columns
      </button>
    </section>
  );
}

function renderAt(path: string, handler: Handler, wrap: (ui: ReactNode) => ReactNode = (ui) => ui) {
  const { client, operations } = createMockClient(handler);
  const page = <FeedPage checkColumns={FakeCheckColumns} />;
  render(
    <Provider value={client}>
      {wrap(
        <MemoryRouter initialEntries={[path]}>
          <Routes>
            <Route path="/feeds/new" element={page} />
            <Route path="/feeds/:id" element={page} />
            <Route path="/feeds" element={<p>All feeds</p>} />
          </Routes>
        </MemoryRouter>,
      )}
    </Provider>,
  );
  return { operations, user: userEvent.setup() };
}

/** Types `text` into the field labelled `label` at once (pasted: typing each key is slow). */
async function fill(user: ReturnType<typeof userEvent.setup>, label: string, text: string) {
  await user.click(screen.getByLabelText(label));
  await user.paste(text);
}

const named = (operations: Operation[], name: string) => operations.filter((op) => operationName(op) === name);

/** The element the field's aria-describedby points at, where its error is read out. */
function describedText(field: HTMLElement): string {
  const ids = (field.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

describe('feed form', () => {
  it('says what is missing under each field before asking the server', async () => {
    const { operations, user } = renderAt('/feeds/new', () => ({}));

    await user.click(screen.getByRole('button', { name: 'Create feed' }));

    const name = screen.getByLabelText('Name');
    const url = screen.getByLabelText('URL');
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(describedText(name)).toContain('Give the feed a name');
    expect(url).toHaveAttribute('aria-invalid', 'true');
    expect(describedText(url)).toContain('Enter the source’s URL');
    expect(named(operations, 'CreateFeed')).toHaveLength(0);
  });

  it('refuses another scheme, an SFTP URL without a user and a bad address, each on its field', async () => {
    const { operations, user } = renderAt('/feeds/new', () => ({}));
    await fill(user, 'Name', 'Acme');
    await fill(user, 'URL', 'ftp://files.example.com/a.csv');
    await fill(user, 'Also e-mail', 'ops@example.com, not-an-address');

    await user.click(screen.getByRole('button', { name: 'Create feed' }));

    expect(describedText(screen.getByLabelText('URL'))).toContain('https://, http:// or sftp://');
    expect(describedText(screen.getByLabelText('Also e-mail'))).toContain('Not an e-mail address: not-an-address.');
    expect(describedText(screen.getByLabelText('Also e-mail'))).not.toContain('ops@example.com');

    await user.clear(screen.getByLabelText('URL'));
    await fill(user, 'URL', 'sftp://files.example.com/a.csv');
    await user.click(screen.getByRole('button', { name: 'Create feed' }));

    expect(describedText(screen.getByLabelText('User name'))).toContain('An SFTP feed needs a user name.');
    expect(named(operations, 'CreateFeed')).toHaveLength(0);
  });

  it('shows the server’s messages under their fields, and the others above the form', async () => {
    const { operations, user } = renderAt('/feeds/new', (op) =>
      operationName(op) === 'CreateFeed'
        ? {
            createFeed: {
              __typename: 'OperationInfo',
              messages: [
                {
                  __typename: 'OperationMessage',
                  kind: 'VALIDATION',
                  field: 'schedule',
                  code: 'invalid_schedule',
                  message: '"0 25 * * *": the hour must be 0-23.',
                },
                {
                  __typename: 'OperationMessage',
                  kind: 'VALIDATION',
                  field: 'timeZone',
                  code: 'unknown_time_zone',
                  message: '"Mars/Olympus" is not a time zone.',
                },
                {
                  __typename: 'OperationMessage',
                  kind: 'VALIDATION',
                  field: 'options.mapping.sku',
                  code: 'unknown_column',
                  message: 'The file has no column "Artikel".',
                },
              ],
            },
          }
        : {},
    );
    await fill(user, 'Name', 'Acme');
    await fill(user, 'URL', 'https://files.example.com/acme.csv');
    await fill(user, 'Cron expression', '0 25 * * *');
    await user.clear(screen.getByLabelText('Time zone'));
    await fill(user, 'Time zone', 'Mars/Olympus');

    await user.click(screen.getByRole('button', { name: 'Create feed' }));

    await waitFor(() => expect(screen.getByLabelText('Cron expression')).toHaveAttribute('aria-invalid', 'true'));
    expect(describedText(screen.getByLabelText('Cron expression'))).toContain('the hour must be 0-23');
    expect(describedText(screen.getByLabelText('Time zone'))).toContain('is not a time zone');
    const form = screen.getByRole('form', { name: 'Feed settings' });
    expect(within(form).getAllByRole('alert')[0]).toHaveTextContent('The file has no column "Artikel".');
    const sent = named(operations, 'CreateFeed')[0].variables as { input: Record<string, unknown> };
    expect(sent.input).toMatchObject({ name: 'Acme', schedule: '0 25 * * *', timeZone: 'Mars/Olympus' });
    expect(sent.input).not.toHaveProperty('password');
  });

  it('shows a secret only as set, and sends it only when replaced or cleared', async () => {
    const saved = feed({ username: 'acme', hasPassword: true, hasHeaderValue: true, headerName: 'Authorization' });
    const { operations, user } = renderAt('/feeds/RmVlZDox', (op) =>
      operationName(op) === 'UpdateFeed' ? { updateFeed: saved } : feedAnswer(saved),
    );

    const password = await screen.findByRole('group', { name: 'Password' });
    expect(password).toHaveTextContent('Set');
    expect(within(password).queryByRole('textbox')).not.toBeInTheDocument();
    await user.click(within(password).getByRole('button', { name: 'Replace password' }));
    await fill(user, 'New password', 's3cret-new');
    const header = screen.getByRole('group', { name: 'Header value' });
    await user.click(within(header).getByRole('button', { name: 'Clear header value' }));
    expect(header).toHaveTextContent('Cleared when you save');

    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    await waitFor(() => expect(named(operations, 'UpdateFeed')).toHaveLength(1));
    const sent = named(operations, 'UpdateFeed')[0].variables as { input: Record<string, unknown> };
    expect(sent.input.password).toBe('s3cret-new');
    expect(sent.input.headerValue).toBe('');
    expect(sent.input).not.toHaveProperty('privateKey');
    expect(await screen.findByText('Saved feed Acme daily.')).toBeInTheDocument();
  });

  it('an SFTP feed shows its pinned host key and offers the one a test presented', async () => {
    const saved = feed({ url: 'sftp://files.example.com/acme.csv', username: 'acme', hasPrivateKey: true });
    const presented = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKmjxTmEQpRMqiVEUVwSzkav73q0rHq';
    const { user } = renderAt('/feeds/RmVlZDox', (op) =>
      operationName(op) === 'TestFeedSource'
        ? {
            testFeedSource: {
              __typename: 'FeedSourceTest',
              ok: true,
              message: null,
              code: null,
              httpStatus: null,
              size: 1200,
              contentType: null,
              hostKey: presented,
              job: null,
            },
          }
        : feedAnswer(saved),
    );
    expect(await screen.findByRole('group', { name: 'Private key' })).toHaveTextContent('Set');
    expect(screen.getByLabelText('Host key')).toHaveValue('');

    await user.click(screen.getByRole('button', { name: 'Test source' }));
    await user.click(await screen.findByRole('button', { name: 'Pin this key' }));

    expect(screen.getByLabelText('Host key')).toHaveValue(presented);
  });

  it('saves the columns chosen on a tested source into the feed', async () => {
    const saved = feed();
    const { operations, user } = renderAt('/feeds/RmVlZDox', (op) => {
      if (operationName(op) === 'TestFeedSource')
        return {
          testFeedSource: {
            __typename: 'FeedSourceTest',
            ok: true,
            message: null,
            code: null,
            httpStatus: 200,
            size: 120,
            contentType: 'text/csv',
            hostKey: null,
            job: { __typename: 'ImportJob', id: 'SW1wb3J0Sm9iOjk=', fileName: 'acme.csv' },
          },
        };
      if (operationName(op) === 'UpdateFeed') return { updateFeed: saved };
      return feedAnswer(saved);
    });

    await user.click(await screen.findByRole('button', { name: 'Test source' }));
    expect(await screen.findByText(/Reached the source: HTTP 200/)).toBeInTheDocument();
    expect(screen.getByText('Staged acme.csv')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Use these columns' }));

    await waitFor(() => expect(named(operations, 'UpdateFeed')).toHaveLength(1));
    const sent = named(operations, 'UpdateFeed')[0].variables as { input: { options: Record<string, unknown> } };
    expect(sent.input.options).toMatchObject({ mode: 'UPDATE_ONLY', mapping: { sku: 'Artikel', name: 'Name' } });
    expect(await screen.findByText(/Saved the columns and import choices/)).toBeInTheDocument();
  });

  it('a failed test says why with its code', async () => {
    const { user } = renderAt('/feeds/RmVlZDox', (op) =>
      operationName(op) === 'TestFeedSource'
        ? {
            testFeedSource: {
              __typename: 'FeedSourceTest',
              ok: false,
              message: 'https://files.example.com/acme.csv answered HTTP 404 Not Found.',
              code: 'SOURCE_HTTP_ERROR',
              httpStatus: 404,
              size: null,
              contentType: null,
              hostKey: null,
              job: null,
            },
          }
        : feedAnswer(feed()),
    );

    await user.click(await screen.findByRole('button', { name: 'Test source' }));

    const alert = await screen.findByText(/answered HTTP 404/);
    expect(alert.closest('[role="alert"]')).toHaveTextContent('SOURCE_HTTP_ERROR');
    expect(screen.queryByRole('region', { name: 'Check columns' })).not.toBeInTheDocument();
  });

  it('lists the runs, each linking to the import it started', async () => {
    const imported = feedRun({
      id: 'RmVlZFJ1bjoy',
      status: 'IMPORTED',
      fetchedBytes: 2048,
      message: '',
      job: {
        __typename: 'ImportJob',
        id: 'SW1wb3J0Sm9iOjU=',
        status: 'COMPLETED',
        fileName: 'acme.csv',
        createdCount: 3,
        updatedCount: 1,
        errorCount: 0,
      },
    });
    const unchanged = feedRun();
    renderAt('/feeds/RmVlZDox', () => feedAnswer(feed({ lastRun: imported }), [imported, unchanged]));

    const runs = await screen.findByRole('table', { name: 'Runs' });
    const rows = within(runs).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('Imported');
    expect(within(rows[0]).getByRole('link', { name: 'acme.csv' })).toHaveAttribute(
      'href',
      '/import?job=SW1wb3J0Sm9iOjU%3D',
    );
    expect(rows[0]).toHaveTextContent('3 created, 1 updated');
    expect(rows[1]).toHaveTextContent('Unchanged');
    expect(rows[1]).toHaveTextContent('Nothing new.');
  });

  it('a viewer reads the feed but cannot change, test or run it', async () => {
    renderAt(
      '/feeds/RmVlZDox',
      () => feedAnswer(feed({ hasPassword: true })),
      (ui) => (
        <PermissionsProvider roleName="VIEWER" allowed={['feeds', 'feed']}>
          {ui}
        </PermissionsProvider>
      ),
    );

    expect(await screen.findByText(/Viewer role can read feeds but not change them/)).toBeInTheDocument();
    expect(screen.getByLabelText('Name')).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Save changes' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Test source' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Run now' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Replace password' })).toBeDisabled();
  });
});
