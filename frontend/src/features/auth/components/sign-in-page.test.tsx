import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AuthProvider } from '@/features/auth/components/auth-provider';
import { safeNext, SignInPage } from '@/features/auth/components/sign-in-page';
import { createMockClient, GraphQLErrorsAnswer, operationName, withProviders } from '@/test/mock-client';

describe('sign in', () => {
  it('only returns to paths on this site', () => {
    expect(safeNext('/products?q=a')).toBe('/products?q=a');
    expect(safeNext('https://evil.example/')).toBe('/import');
    expect(safeNext('//evil.example/')).toBe('/import');
    expect(safeNext(null)).toBe('/import');
  });

  it('signs in and goes back to where the person was', async () => {
    const { client, operations } = createMockClient((op) =>
      operationName(op) === 'Me' ? { me: null } : { login: { __typename: 'User', id: 'VXNlcjox', username: 'ada' } },
    );
    render(withProviders(<AuthProvider><SignInPage /></AuthProvider>, client, '/login?next=%2Fproducts%3Fq%3Dred'));
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Username'), 'ada');
    await user.type(screen.getByLabelText('Password'), 'secret');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/products?q=red'));
    expect(operations.find((op) => operationName(op) === 'Login')?.variables).toEqual({ username: 'ada', password: 'secret' });
  });

  it('shows the server’s reason when sign-in fails', async () => {
    const reason = 'Too many failed sign-in attempts. Wait a few minutes, then try again.';
    const { client } = createMockClient((op) =>
      operationName(op) === 'Me' ? { me: null } : new GraphQLErrorsAnswer([{ message: reason, extensions: { code: 'TOO_MANY_REQUESTS' } }]),
    );
    render(withProviders(<AuthProvider><SignInPage /></AuthProvider>, client, '/login'));
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Username'), 'ada');
    await user.type(screen.getByLabelText('Password'), 'nope');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    // Exactly the server's words: not a generic fallback written in the client.
    expect((await screen.findByRole('alert')).textContent).toBe(reason);
  });
});
