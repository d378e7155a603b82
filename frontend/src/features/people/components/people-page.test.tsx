import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import PeoplePage from '@/features/people/components/people-page';
import { createMockClient, operationName, withProviders } from '@/test/mock-client';

const people = {
  people: {
    __typename: 'UserConnection',
    edges: [
      {
        __typename: 'UserEdge',
        node: {
          __typename: 'User',
          id: 'u1',
          username: 'alice',
          email: 'a@example.com',
          role: 'ADMIN',
          isActive: true,
          lastLogin: null,
        },
      },
      {
        __typename: 'UserEdge',
        node: {
          __typename: 'User',
          id: 'u2',
          username: 'bob',
          email: 'b@example.com',
          role: 'EDITOR',
          isActive: true,
          lastLogin: null,
        },
      },
    ],
  },
  invitations: [],
};

describe('people page', () => {
  it('invites by e-mail with a role and shows the link to copy when e-mail is not set up', async () => {
    const { client, operations } = createMockClient((op) =>
      operationName(op) === 'InvitePerson'
        ? {
            invitePerson: {
              __typename: 'InvitationSent',
              deliveryNote: 'E-mail is not set up (see EMAIL_URL): copy the link below and send it yourself.',
              link: 'http://localhost/invitation/abc',
              invitation: { __typename: 'Invitation', id: 'i1', email: 'eve@example.com', role: 'EDITOR' },
            },
          }
        : people,
    );
    render(withProviders(<PeoplePage />, client, '/people'));
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('E-mail address'), 'eve@example.com');
    await user.selectOptions(screen.getByLabelText('Role'), 'VIEWER');
    await user.click(screen.getByRole('button', { name: 'Send invitation' }));

    expect(await screen.findByLabelText('Invitation link')).toHaveTextContent('http://localhost/invitation/abc');
    expect(screen.getByText(/copy the link below/)).toBeInTheDocument();
    const sent = operations.find((op) => operationName(op) === 'InvitePerson');
    expect(sent?.variables).toEqual({ email: 'eve@example.com', role: 'VIEWER' });
  });

  it('says why the last admin cannot be demoted', async () => {
    const { client } = createMockClient((op) =>
      operationName(op) === 'ChangeRole'
        ? {
            changeRole: {
              __typename: 'OperationInfo',
              messages: [
                {
                  __typename: 'OperationMessage',
                  kind: 'VALIDATION',
                  field: 'id',
                  code: 'last_admin',
                  message: 'This is the last admin: make someone else an admin first.',
                },
              ],
            },
          }
        : people,
    );
    render(withProviders(<PeoplePage />, client, '/people'));
    const table = await screen.findByRole('table', { name: 'People' });
    const [, alice] = within(table).getAllByRole('row');
    await userEvent.setup().selectOptions(within(alice).getByLabelText('Role of alice'), 'VIEWER');

    await waitFor(() =>
      expect(screen.getByText('This is the last admin: make someone else an admin first.')).toBeInTheDocument(),
    );
  });
});
