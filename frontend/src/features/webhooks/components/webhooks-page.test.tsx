import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import WebhooksPage from '@/features/webhooks/components/webhooks-page';
import { createMockClient, GraphQLErrorsAnswer, operationName, withProviders } from '@/test/mock-client';

const webhook = (id: string, over: Record<string, unknown>) => ({
  __typename: 'Webhook',
  id,
  url: `https://example.com/${id}`,
  events: ['PRODUCT_CREATED'],
  enabled: true,
  secret: 'whsec_c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0',
  description: '',
  consecutiveFailures: 0,
  disabledReason: null,
  createdAt: '2026-01-02T10:00:00Z',
  updatedAt: '2026-01-02T10:00:00Z',
  ...over,
});
const noDeliveries = {
  webhookDeliveries: {
    __typename: 'WebhookDeliveryConnection',
    totalCount: 0,
    pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
    edges: [],
  },
};

describe('webhooks page', () => {
  it('a disabled webhook is dimmed with a "Disabled" badge and its reason', async () => {
    const { client } = createMockClient((op) =>
      operationName(op) === 'Webhooks'
        ? {
            webhooks: [
              webhook('on', {}),
              webhook('off', {
                enabled: false,
                consecutiveFailures: 20,
                disabledReason: '20 deliveries in a row failed.',
              }),
            ],
          }
        : noDeliveries,
    );
    render(withProviders(<WebhooksPage />, client, '/webhooks'));
    const off = await screen.findByRole('article', { name: 'https://example.com/off' });
    const on = screen.getByRole('article', { name: 'https://example.com/on' });
    expect(off).toHaveClass('is-disabled');
    expect(within(off).getByText('Disabled')).toHaveClass('badge');
    expect(off).toHaveTextContent('20 deliveries in a row failed.');
    expect(on).not.toHaveClass('is-disabled');
    expect(within(on).queryByText('Disabled')).not.toBeInTheDocument();
  });

  it('rotating the secret asks first and says the old secret stays valid for 24 hours', async () => {
    const { client, operations } = createMockClient((op) => {
      if (operationName(op) === 'Webhooks') return { webhooks: [webhook('a', {})] };
      if (operationName(op) === 'RotateWebhookSecret')
        return { rotateWebhookSecret: webhook('a', { secret: 'whsec_bmV3bmV3bmV3bmV3bmV3bmV3bmV3bmV3' }) };
      return noDeliveries;
    });
    render(withProviders(<WebhooksPage />, client, '/webhooks'));
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Rotate' }));
    const dialog = screen.getByRole('dialog', { name: 'Rotate the signing secret?' });
    expect(dialog).toHaveTextContent('The old secret stays valid for 24 hours');
    expect(operations.some((op) => operationName(op) === 'RotateWebhookSecret')).toBe(false);
    await user.click(within(dialog).getByRole('button', { name: 'Rotate secret' }));
    await waitFor(() => expect(operations.some((op) => operationName(op) === 'RotateWebhookSecret')).toBe(true));
  });

  it('a webhook for the same URL and events is refused with the server’s message under URL', async () => {
    const duplicate =
      'Another webhook (“ERP sync”) already sends product.created to this URL, so the receiver would get each of those events twice.';
    const { client } = createMockClient((op) => {
      if (operationName(op) === 'Webhooks') return { webhooks: [webhook('a', { description: 'ERP sync' })] };
      if (operationName(op) === 'CreateWebhook')
        return {
          createWebhook: {
            __typename: 'OperationInfo',
            messages: [
              {
                __typename: 'OperationMessage',
                kind: 'VALIDATION',
                field: 'url',
                code: 'duplicate',
                message: duplicate,
              },
            ],
          },
        };
      return noDeliveries;
    });
    render(withProviders(<WebhooksPage />, client, '/webhooks'));
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Add webhook' }));
    const dialog = screen.getByRole('dialog', { name: 'Add webhook' });
    await user.type(within(dialog).getByLabelText('URL'), 'https://example.com/a');
    await user.click(within(dialog).getByRole('button', { name: 'Add webhook' }));
    const url = within(dialog).getByLabelText('URL');
    await waitFor(() => expect(url).toHaveAttribute('aria-invalid', 'true'));
    expect(url).toHaveAccessibleDescription(duplicate);
  });
});

describe('webhooks page: kept work', () => {
  afterEach(() => window.sessionStorage.clear());

  it('an add that meets an expired session comes back filled in after sign-in', async () => {
    const { client } = createMockClient((op) => {
      if (operationName(op) === 'Webhooks') return { webhooks: [] };
      if (operationName(op) === 'CreateWebhook')
        return new GraphQLErrorsAnswer([{ message: 'Sign in first.', extensions: { code: 'UNAUTHENTICATED' } }]);
      return noDeliveries;
    });
    const first = render(withProviders(<WebhooksPage />, client, '/webhooks'));
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Add webhook' }));
    const dialog = screen.getByRole('dialog', { name: 'Add webhook' });
    await user.type(within(dialog).getByLabelText('URL'), 'https://example.com/kept');
    await user.click(within(dialog).getByLabelText('Import finished (import.finished)'));
    await user.click(within(dialog).getByRole('button', { name: 'Add webhook' }));
    await waitFor(() => expect(window.sessionStorage.length).toBe(1));
    first.unmount();

    render(withProviders(<WebhooksPage />, client, '/webhooks'));
    const back = await screen.findByRole('dialog', { name: 'Add webhook' });
    expect(within(back).getByLabelText('URL')).toHaveValue('https://example.com/kept');
    expect(within(back).getByLabelText('Import finished (import.finished)')).not.toBeChecked();
    expect(back).toHaveTextContent('Your session had expired, so this was not saved.');
  });

  it('the event list says product events are one per product and imports send one summary', async () => {
    const { client } = createMockClient((op) => (operationName(op) === 'Webhooks' ? { webhooks: [] } : noDeliveries));
    render(withProviders(<WebhooksPage />, client, '/webhooks'));
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Add webhook' }));
    const dialog = screen.getByRole('dialog', { name: 'Add webhook' });
    const events = within(dialog).getByRole('group', { name: 'Events' });
    expect(events).toHaveAccessibleDescription(
      'Imports, reverts and bulk actions send one summary event each, not one event per product.',
    );
    expect(within(dialog).getByLabelText('Product updated (product.updated)')).toHaveAccessibleDescription(
      /not sent for each product an import changes/,
    );
    expect(within(dialog).getByLabelText('Import finished (import.finished)')).toHaveAccessibleDescription(
      /where to read every product it changed/,
    );
  });
});
