import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DeliveryLog } from '@/features/webhooks/components/delivery-log-dialog';
import { createMockClient, operationName, withProviders } from '@/test/mock-client';

const delivery = (id: string, over: Record<string, unknown>) => ({
  __typename: 'WebhookDelivery',
  id,
  eventId: `ev-${id}`,
  eventType: 'product.created',
  attempt: 1,
  status: 'SUCCEEDED',
  statusCode: 200,
  durationMs: 12,
  error: null,
  requestBody: '{"type":"product.created","data":{"sku":"A-1"}}',
  responseBody: 'ok',
  createdAt: '2026-01-02T10:00:00Z',
  nextAttemptAt: null,
  ...over,
});

describe('delivery log', () => {
  it('lists deliveries with status in words, shows bodies on demand, and redelivers', async () => {
    const { client, operations } = createMockClient((op) => {
      if (operationName(op) === 'RedeliverWebhook') return { redeliverWebhook: delivery('d3', {}) };
      return {
        webhookDeliveries: {
          __typename: 'WebhookDeliveryConnection',
          totalCount: 2,
          pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
          edges: [
            {
              node: delivery('d2', {
                status: 'RETRYING',
                statusCode: 503,
                attempt: 3,
                error: 'HTTP 503 from the receiver',
                responseBody: 'busy',
                nextAttemptAt: '2026-01-02T10:02:00Z',
              }),
            },
            { node: delivery('d1', {}) },
          ],
        },
      };
    });
    render(withProviders(<DeliveryLog webhookId="V2ViaG9vazox" />, client));
    const table = await screen.findByRole('table', { name: 'Deliveries' });
    const [, retrying, succeeded] = within(table).getAllByRole('row');
    expect(retrying).toHaveTextContent('Retrying');
    expect(retrying).toHaveTextContent('503');
    expect(retrying).toHaveTextContent('HTTP 503 from the receiver');
    expect(succeeded).toHaveTextContent('Succeeded');

    const user = userEvent.setup();
    await user.click(within(retrying).getByRole('button', { name: 'Details' }));
    expect(screen.getByLabelText('Request body')).toHaveTextContent('"sku": "A-1"');
    expect(screen.getByLabelText('Response body')).toHaveTextContent('busy');
    expect(within(retrying).getByRole('button', { name: 'Hide details' })).toHaveAttribute('aria-expanded', 'true');

    await user.click(within(retrying).getByRole('button', { name: 'Redeliver' }));
    expect(await screen.findByText('Sent product.created again, with the same webhook-id.')).toHaveAttribute(
      'role',
      'status',
    );
    expect(operations.find((op) => operationName(op) === 'RedeliverWebhook')?.variables).toEqual({ deliveryId: 'd2' });
  });

  it('says when nothing was delivered yet', async () => {
    const { client } = createMockClient(() => ({
      webhookDeliveries: {
        __typename: 'WebhookDeliveryConnection',
        totalCount: 0,
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
        edges: [],
      },
    }));
    render(withProviders(<DeliveryLog webhookId="V2ViaG9vazox" />, client));
    expect(await screen.findByText('No deliveries yet.')).toBeInTheDocument();
  });
});
