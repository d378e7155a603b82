import { useMemo, useState, type FormEvent } from 'react';
import { PageHeader } from '@/components/layouts/page-header';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { CopyButton } from '@/components/ui/copy-button';
import { Notice } from '@/components/ui/notice';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { TextField } from '@/components/ui/text-field';
import type { ApiTokensQuery } from '@/gql/graphql';
import { describeError } from '@/lib/error-message';
import { formatDateTime } from '@/lib/format';
import { useCreateApiToken } from '@/features/api-tokens/api/create-api-token';
import { useApiTokens } from '@/features/api-tokens/api/get-api-tokens';
import { useRevokeApiToken } from '@/features/api-tokens/api/revoke-api-token';

type ApiToken = ApiTokensQuery['apiTokens'][number];

/** Tokens for GraphQL clients in other apps: create (shown once), see last use, revoke. */
export default function ApiTokensPage() {
  const [{ data, error, fetching }, refetch] = useApiTokens();
  const [{ fetching: creating }, createToken] = useCreateApiToken();
  const [, revokeToken] = useRevokeApiToken();
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string[] | undefined>();
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const tokens = useMemo(() => data?.apiTokens ?? [], [data]);

  async function create(event: FormEvent) {
    event.preventDefault();
    setNameError(undefined);
    setNotice(null);
    if (!name.trim()) {
      setNameError(['Give the token a name, such as the app that will use it.']);
      return;
    }
    const result = await createToken({ name: name.trim() });
    if (result.error) {
      setNameError([describeError(result.error)]);
      return;
    }
    if (result.data) {
      setCreated({ name: result.data.createApiToken.apiToken.name, token: result.data.createApiToken.token });
      setName('');
      refetch({ requestPolicy: 'network-only' });
    }
  }

  return (
    <section>
      <PageHeader title="API tokens" description="For GraphQL clients in other apps: send “Authorization: Bearer <token>”." />
      <div className="card">
        <h2>Create a token</h2>
        <form onSubmit={create} className="token-form" noValidate>
          <div className="form-grid">
            <TextField label="Token name" value={name} onChange={(e) => setName(e.target.value)} errors={nameError} hint="Say who uses it, e.g. “warehouse sync”." maxLength={100} />
          </div>
          <Button type="submit" variant="primary" busy={creating}>
            Create token
          </Button>
        </form>
        {created && (
          <Notice tone="warning" className="token-created">
            <p>
              <strong>Token “{created.name}” created.</strong> Copy it now: it is shown only once.
            </p>
            <div className="token-box">
              <code aria-label="New token">{created.token}</code>
              <CopyButton value={created.token} label="Copy token" />
              <Button size="sm" variant="ghost" onClick={() => setCreated(null)}>
                Done
              </Button>
            </div>
          </Notice>
        )}
      </div>
      {notice && <Notice tone="success">{notice}</Notice>}
      <h2>Tokens</h2>
      {error && !fetching ? (
        <ErrorState message={describeError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : !data ? (
        <LoadingState label="Loading tokens…" />
      ) : tokens.length === 0 ? (
        <EmptyState title="No API tokens yet.">
          <p>Create one above for each app that calls the GraphQL API.</p>
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table aria-label="API tokens">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => (
                <tr key={token.id}>
                  <td>{token.name}</td>
                  <td>{formatDateTime(token.createdAt)}</td>
                  <td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : <span className="muted">Never</span>}</td>
                  <td className="actions">
                    <Button size="sm" variant="danger" onClick={() => setRevoking(token)}>
                      Revoke
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ConfirmDialog
        open={revoking !== null}
        onOpenChange={(open) => !open && setRevoking(null)}
        title={`Revoke token “${revoking?.name ?? ''}”?`}
        confirmLabel="Revoke token"
        danger
        onConfirm={async () => {
          if (!revoking) return;
          const result = await revokeToken({ id: revoking.id });
          if (result.error) return describeError(result.error);
          const payload = result.data?.revokeApiToken;
          if (payload?.__typename === 'OperationInfo') return payload.messages.map((m) => m.message).join(' ');
          setNotice(`Revoked token “${revoking.name}”. Apps using it are refused from now on.`);
          setRevoking(null);
          refetch({ requestPolicy: 'network-only' });
        }}
      >
        <p>Apps that use it stop working at once. This cannot be undone.</p>
      </ConfirmDialog>
    </section>
  );
}
