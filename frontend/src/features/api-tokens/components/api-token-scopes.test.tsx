import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, it } from 'vitest';
import ApiTokensPage from '@/features/api-tokens/components/api-tokens-page';
import { PermissionsProvider } from '@/lib/permissions';
import { createMockClient, operationName, withProviders } from '@/test/mock-client';

it('starts with read-only ticked, offers only what the role allows, and sends scopes and expiry', async () => {
  const { client, operations } = createMockClient((op) =>
    operationName(op) === 'CreateApiToken'
      ? {
          createApiToken: {
            __typename: 'CreateApiTokenPayload',
            token: 'pit_x',
            apiToken: {
              __typename: 'ApiToken',
              id: 't1',
              name: 'shop',
              prefix: 'pit_x',
              createdAt: '2026-01-02T10:00:00Z',
              lastUsedAt: null,
              scopes: ['PRODUCTS_READ'],
              expiresAt: null,
            },
          },
        }
      : { apiTokens: [] },
  );
  render(
    <PermissionsProvider roleName="EDITOR" allowed={['apiTokens', 'createApiToken', 'createProduct', 'importProducts']}>
      {withProviders(<ApiTokensPage />, client, '/api-tokens')}
    </PermissionsProvider>,
  );
  const user = userEvent.setup();
  expect(await screen.findByLabelText('products:read')).toBeChecked();
  expect(screen.getByLabelText('products:write')).not.toBeChecked();
  expect(screen.queryByLabelText('admin')).not.toBeInTheDocument();

  await user.type(screen.getByLabelText('Token name'), 'shop');
  await user.type(screen.getByLabelText('Expires on (optional)'), '2030-05-01');
  await user.click(screen.getByRole('button', { name: 'Create token' }));

  await waitFor(() => expect(operations.some((op) => operationName(op) === 'CreateApiToken')).toBe(true));
  const sent = operations.find((op) => operationName(op) === 'CreateApiToken')?.variables as {
    scopes: string[];
    expiresAt: string;
  };
  expect(sent.scopes).toEqual(['PRODUCTS_READ']);
  expect(new Date(sent.expiresAt).getFullYear()).toBe(2030);
});
