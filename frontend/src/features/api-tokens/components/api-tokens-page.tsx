import { useMemo, useState, type FormEvent } from 'react';
import { PageHeader } from '@/components/layouts/page-header';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { CopyButton } from '@/components/ui/copy-button';
import { actionsColumn, DataTable, type DataColumn } from '@/components/ui/data-table';
import { Notice } from '@/components/ui/notice';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { lengthProblem, TextField } from '@/components/ui/text-field';
import { CheckboxField } from '@/components/ui/checkbox-field';
import { ApiTokenScope, type ApiTokensQuery } from '@/gql/graphql';
import { useCan } from '@/lib/permissions';
import { describeError } from '@/lib/error-message';
import { formatDateTime } from '@/lib/format';
import { keepDraft } from '@/lib/form-draft';
import { isUnauthenticated } from '@/lib/graphql-client';
import { problemText } from '@/lib/operation-info';
import { useRestoredDraft } from '@/lib/use-restored-draft';
import { useCreateApiToken } from '@/features/api-tokens/api/create-api-token';
import { useApiTokens } from '@/features/api-tokens/api/get-api-tokens';
import { useRevokeApiToken } from '@/features/api-tokens/api/revoke-api-token';

type ApiToken = ApiTokensQuery['apiTokens'][number];

const SCOPE_CHOICES: { value: ApiTokenScope; label: string; hint: string; needs: 'viewer' | 'editor' | 'admin' }[] = [
  {
    value: ApiTokenScope.ProductsRead,
    label: 'products:read',
    hint: 'Read products, imports, exports and downloads.',
    needs: 'viewer',
  },
  {
    value: ApiTokenScope.ProductsWrite,
    label: 'products:write',
    hint: 'Create, edit and delete products.',
    needs: 'editor',
  },
  { value: ApiTokenScope.Imports, label: 'imports', hint: 'Start, cancel and revert imports.', needs: 'editor' },
  {
    value: ApiTokenScope.Webhooks,
    label: 'webhooks',
    hint: 'Read webhooks (change them if you are an admin).',
    needs: 'viewer',
  },
  { value: ApiTokenScope.Admin, label: 'admin', hint: 'Everything an admin may do.', needs: 'admin' },
];

function scopeName(scope: ApiTokenScope): string {
  return SCOPE_CHOICES.find((choice) => choice.value === scope)?.label ?? scope;
}
const NAME_LIMIT = 100;
/** The key under which an unsent token name waits for the sign-in (see form-draft). */
const TOKEN_DRAFT = 'api-token';
const TOKEN_COLUMNS: readonly DataColumn[] = [
  { header: 'Name' },
  { header: 'Token' },
  { header: 'Scopes' },
  { header: 'Created' },
  { header: 'Expires' },
  { header: 'Last used' },
  actionsColumn(),
];

/** How a token is told apart from others of the same name: "pit_ab12cd34…". */
function TokenPrefix({ prefix }: { prefix: string }) {
  return (
    <code className="mono" title="The start of the token; the rest is never shown again">
      {prefix}…
    </code>
  );
}

/** Tokens for GraphQL clients in other apps: create (shown once), see last use, revoke. */
export default function ApiTokensPage() {
  const [{ data, error, fetching }, refetch] = useApiTokens();
  const [{ fetching: creating }, createToken] = useCreateApiToken();
  const [, revokeToken] = useRevokeApiToken();
  const restored = useRestoredDraft<{ name: string }>(TOKEN_DRAFT);
  const [name, setName] = useState(restored?.name ?? '');
  const [nameError, setNameError] = useState<string[] | undefined>();
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const tokens = useMemo(() => data?.apiTokens ?? [], [data]);
  // Read-only to start with: a token gets more only when someone ticks it.
  const [scopes, setScopes] = useState<ApiTokenScope[]>([ApiTokenScope.ProductsRead]);
  const [expiresOn, setExpiresOn] = useState('');
  const canWrite = useCan('createProduct');
  const canImport = useCan('importProducts');
  const isAdmin = useCan('allApiTokens');
  const scopeChoices = SCOPE_CHOICES.filter(
    (choice) => choice.needs === 'viewer' || (choice.needs === 'editor' ? canWrite || canImport : isAdmin),
  );

  async function create(event: FormEvent) {
    event.preventDefault();
    setNameError(undefined);
    setNotice(null);
    if (!name.trim()) {
      setNameError(['Give the token a name, such as the app that will use it.']);
      return;
    }
    if (lengthProblem(name.trim(), NAME_LIMIT)) return; // the field already says why
    if (scopes.length === 0) {
      setNameError(['Tick at least one scope.']);
      return;
    }
    const result = await createToken({
      name: name.trim(),
      scopes,
      expiresAt: expiresOn ? new Date(`${expiresOn}T23:59:59`).toISOString() : null,
    });
    if (isUnauthenticated(result.error)) {
      keepDraft(TOKEN_DRAFT, { name });
      return;
    }
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
      <PageHeader
        title="API tokens"
        description="For GraphQL clients in other apps: send “Authorization: Bearer <token>”."
      />
      <div className="card">
        <h2>Create a token</h2>
        {restored && (
          <Notice tone="warning">
            Your session had expired, so the token was not created. The name you typed is kept below: create it again.
          </Notice>
        )}
        <form onSubmit={create} className="token-form" noValidate>
          <div className="form-grid">
            <TextField
              label="Token name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              errors={nameError}
              hint="Say who uses it, e.g. “warehouse sync”."
              limit={NAME_LIMIT}
            />
            <TextField
              label="Expires on (optional)"
              type="date"
              value={expiresOn}
              onChange={(e) => setExpiresOn(e.target.value)}
              hint="After this day the token stops working."
            />
          </div>
          <fieldset className="scope-choices">
            <legend>What may it do?</legend>
            {scopeChoices.map((choice) => (
              <CheckboxField
                key={choice.value}
                label={choice.label}
                hint={choice.hint}
                checked={scopes.includes(choice.value)}
                onChange={(e) =>
                  setScopes((current) =>
                    e.target.checked ? [...current, choice.value] : current.filter((s) => s !== choice.value),
                  )
                }
              />
            ))}
          </fieldset>
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
        <DataTable label="API tokens" columns={TOKEN_COLUMNS} cards>
          <tbody>
            {tokens.map((token) => (
              <tr key={token.id}>
                <td className="card-title">{token.name}</td>
                <td>
                  <TokenPrefix prefix={token.prefix} />
                </td>
                <td data-label="Scopes">
                  {token.scopes ? (
                    token.scopes.map(scopeName).join(', ')
                  ) : (
                    <span className="muted">All of your role</span>
                  )}
                </td>
                <td data-label="Created">{formatDateTime(token.createdAt)}</td>
                <td data-label="Expires">
                  {token.expiresAt ? formatDateTime(token.expiresAt) : <span className="muted">No expiry</span>}
                </td>
                <td data-label="Last used">
                  {token.lastUsedAt ? formatDateTime(token.lastUsedAt) : <span className="muted">Never</span>}
                </td>
                <td className="actions">
                  <Button
                    size="sm"
                    variant="danger"
                    onClick={() => setRevoking(token)}
                    aria-label={`Revoke ${token.name} (${token.prefix}…)`}
                  >
                    Revoke
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      <ConfirmDialog
        open={revoking !== null}
        onOpenChange={(open) => !open && setRevoking(null)}
        title={`Revoke token “${revoking?.name ?? ''}” (${revoking?.prefix ?? ''}…)?`}
        confirmLabel="Revoke token"
        danger
        onConfirm={async () => {
          if (!revoking) return;
          const result = await revokeToken({ id: revoking.id });
          if (result.error) return describeError(result.error);
          const payload = result.data?.revokeApiToken;
          if (payload?.__typename === 'OperationInfo') return problemText(payload);
          setNotice(`Revoked token “${revoking.name}” (${revoking.prefix}…). Apps using it are refused from now on.`);
          setRevoking(null);
          refetch({ requestPolicy: 'network-only' });
        }}
      >
        {revoking && (
          <dl className="token-facts">
            <dt>Token</dt>
            <dd>
              <TokenPrefix prefix={revoking.prefix} />
            </dd>
            <dt>Created</dt>
            <dd>{formatDateTime(revoking.createdAt)}</dd>
            <dt>Last used</dt>
            <dd>{revoking.lastUsedAt ? formatDateTime(revoking.lastUsedAt) : 'Never'}</dd>
          </dl>
        )}
        <p>Apps that use it stop working at once. This cannot be undone.</p>
      </ConfirmDialog>
    </section>
  );
}
