import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import ApiTokensPage from '@/features/api-tokens/components/api-tokens-page';
import { createMockClient, GraphQLErrorsAnswer, operationName, withProviders } from '@/test/mock-client';

const token = (id: string, prefix: string, lastUsedAt: string | null) => ({
  __typename: 'ApiToken',
  id,
  name: 'sync',
  prefix,
  createdAt: '2026-01-02T10:00:00Z',
  lastUsedAt,
});

describe('API tokens page', () => {
  it('tells tokens of the same name apart by prefix, creation and last use, in the list and the revoke dialog', async () => {
    const { client } = createMockClient(() => ({
      apiTokens: [token('t2', 'pit_AbCd1234', null), token('t1', 'pit_Zz9_8765', '2026-01-03T08:30:00Z')],
    }));
    render(withProviders(<ApiTokensPage />, client, '/api-tokens'));
    const table = await screen.findByRole('table', { name: 'API tokens' });
    const [, newer, older] = within(table).getAllByRole('row');
    expect(newer).toHaveTextContent('pit_AbCd1234…');
    expect(newer).toHaveTextContent('Never');
    expect(older).toHaveTextContent('pit_Zz9_8765…');
    expect(older).not.toHaveTextContent('Never');

    await userEvent.setup().click(within(older).getByRole('button', { name: /Revoke/ }));
    const dialog = screen.getByRole('dialog', { name: 'Revoke token “sync” (pit_Zz9_8765…)?' });
    expect(dialog).toHaveTextContent('pit_Zz9_8765…');
    expect(dialog).toHaveTextContent(/Created.*2026/);
    expect(dialog).not.toHaveTextContent('pit_AbCd1234');
  });
});

it('a token name typed when the session expired is kept for after sign-in', async () => {
  const { client } = createMockClient((op) =>
    operationName(op) === 'CreateApiToken'
      ? new GraphQLErrorsAnswer([{ message: 'Sign in first.', extensions: { code: 'UNAUTHENTICATED' } }])
      : { apiTokens: [] },
  );
  const first = render(withProviders(<ApiTokensPage />, client, '/api-tokens'));
  const user = userEvent.setup();
  await user.type(await screen.findByLabelText('Token name'), 'warehouse sync');
  await user.click(screen.getByRole('button', { name: 'Create token' }));
  await waitFor(() => expect(window.sessionStorage.length).toBe(1));
  first.unmount();

  render(withProviders(<ApiTokensPage />, client, '/api-tokens'));
  expect(await screen.findByLabelText('Token name')).toHaveValue('warehouse sync');
  expect(screen.getByText(/Your session had expired, so the token was not created/)).toBeInTheDocument();
  window.sessionStorage.clear();
});
