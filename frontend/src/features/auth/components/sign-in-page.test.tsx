import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Client } from '@urql/core';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuthProvider } from '@/features/auth/components/auth-provider';
import { safeNext, serverDownload, SignInPage } from '@/features/auth/components/sign-in-page';
import { keepDraft } from '@/lib/form-draft';
import { createMockClient, GraphQLErrorsAnswer, operationName, withProviders } from '@/test/mock-client';

/** The sign-in page at `path`, inside the auth provider and the mock client. */
function renderSignIn(client: Client, path: string) {
  render(
    withProviders(
      <AuthProvider>
        <SignInPage />
      </AuthProvider>,
      client,
      path,
    ),
  );
}

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
    renderSignIn(client, '/login?next=%2Fproducts%3Fq%3Dred');
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Username'), 'ada');
    await user.type(screen.getByLabelText('Password'), 'secret');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/products?q=red'));
    expect(operations.find((op) => operationName(op) === 'Login')?.variables).toEqual({
      username: 'ada',
      password: 'secret',
    });
  });

  it('shows the server’s reason when sign-in fails', async () => {
    const reason = 'Too many failed sign-in attempts. Wait a few minutes, then try again.';
    const { client } = createMockClient((op) =>
      operationName(op) === 'Me'
        ? { me: null }
        : new GraphQLErrorsAnswer([{ message: reason, extensions: { code: 'TOO_MANY_REQUESTS' } }]),
    );
    renderSignIn(client, '/login');
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Username'), 'ada');
    await user.type(screen.getByLabelText('Password'), 'nope');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    // Exactly the server's words: not a generic fallback written in the client.
    expect((await screen.findByRole('alert')).textContent).toBe(reason);
  });
});

describe('sign in: warnings, kept work, downloads', () => {
  afterEach(() => {
    window.sessionStorage.clear();
    vi.unstubAllGlobals();
  });

  it('shows the server’s warning that one attempt is left, and the lock-out’s minutes', async () => {
    const answers = [
      'Wrong username or password. One attempt left: one more failure locks sign-in for this username for 15 minutes.',
      'Too many failed sign-in attempts. Sign-in for this username is locked for 15 minutes; try again after that.',
    ];
    const { client } = createMockClient((op) =>
      operationName(op) === 'Me'
        ? { me: null }
        : new GraphQLErrorsAnswer([{ message: answers.shift()!, extensions: { code: 'BAD_USER_INPUT' } }]),
    );
    renderSignIn(client, '/login');
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Username'), 'ada');
    await user.type(screen.getByLabelText('Password'), 'nope');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('One attempt left');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('locked for 15 minutes'));
  });

  it('says that unsaved changes are kept while the person signs in again', async () => {
    keepDraft('product', { product: 'new', values: { sku: 'A', name: 'B', description: '', active: true } });
    const { client } = createMockClient(() => ({ me: null }));
    renderSignIn(client, '/login?next=%2Fproducts');
    expect(await screen.findByText(/^Sign in to continue\./)).toHaveTextContent(
      'Sign in to continue. Your unsaved changes are kept: they come back once you are signed in.',
    );
  });

  it('an errors.csv link opened signed out downloads the file after sign-in and shows its import', async () => {
    expect(serverDownload('/imports/SW1wb3J0Sm9iOjE%3D/errors.csv')).toEqual({
      href: '/imports/SW1wb3J0Sm9iOjE%3D/errors.csv',
      page: '/import?job=SW1wb3J0Sm9iOjE%3D',
    });
    expect(serverDownload('/products')).toBeNull();
    const assign = vi.fn();
    vi.stubGlobal('location', { ...window.location, assign });
    const { client } = createMockClient((op) =>
      operationName(op) === 'Me' ? { me: null } : { login: { __typename: 'User', id: 'VXNlcjox', username: 'ada' } },
    );
    // Sign-in lives at /login only, as in the app (so it does not redirect again from the page it sent the person to).
    const routes = (
      <AuthProvider>
        <Routes>
          <Route path="/login" element={<SignInPage />} />
          <Route path="*" element={null} />
        </Routes>
      </AuthProvider>
    );
    render(withProviders(routes, client, '/login?next=%2Fimports%2FSW1wb3J0Sm9iOjE%3D%2Ferrors.csv'));
    expect(await screen.findByText('Sign in to download the rows skipped by this import.')).toHaveAttribute(
      'role',
      'status',
    );
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Username'), 'ada');
    await user.type(screen.getByLabelText('Password'), 'secret');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(assign).toHaveBeenCalledWith('/imports/SW1wb3J0Sm9iOjE=/errors.csv'));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/import?job=SW1wb3J0Sm9iOjE%3D'), {
      timeout: 4000,
    });
  });
});
