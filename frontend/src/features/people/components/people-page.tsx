import { useState, type FormEvent } from 'react';
import { PageHeader } from '@/components/layouts/page-header';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { Notice } from '@/components/ui/notice';
import { SelectField } from '@/components/ui/select-field';
import { ErrorState, LoadingState } from '@/components/ui/states';
import { TextField } from '@/components/ui/text-field';
import { Role } from '@/gql/graphql';
import { describeError } from '@/lib/error-message';
import { formatDateTime } from '@/lib/format';
import { useChangeRole, useDeactivatePerson, useReactivatePerson } from '@/features/people/api/change-person';
import { useInvitePerson } from '@/features/people/api/invite-person';
import { usePeople } from '@/features/people/api/get-people';
import { mutationPayload, problemText } from '@/lib/operation-info';

const ROLE_OPTIONS = [
  { value: Role.Viewer, label: 'Viewer: reads everything' },
  { value: Role.Editor, label: 'Editor: also changes products and imports' },
  { value: Role.Admin, label: 'Admin: also people, webhooks, tokens, the log' },
];
const ROLE_NAMES: Record<Role, string> = { VIEWER: 'Viewer', EDITOR: 'Editor', ADMIN: 'Admin' };

type Answer = { __typename: string; messages?: readonly { message: string }[] } | undefined;

function problemOf(answer: Answer, error: unknown): string | null {
  if (error) return describeError(error as Parameters<typeof describeError>[0]);
  if (answer?.__typename === 'OperationInfo') return problemText({ messages: answer.messages ?? [] });
  return null;
}

/** Admins invite people, change their roles and deactivate them. */
export default function PeoplePage() {
  const [{ data, error, fetching }, refetch] = usePeople();
  const [{ fetching: inviting }, invite] = useInvitePerson();
  const [, changeRole] = useChangeRole();
  const [, deactivate] = useDeactivatePerson();
  const [, reactivate] = useReactivatePerson();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>(Role.Editor);
  const [sent, setSent] = useState<{ note: string; link: string | null } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const refresh = () => refetch({ requestPolicy: 'network-only' });

  async function onInvite(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    setSent(null);
    const result = await invite({ email: email.trim(), role });
    const answer = result.data?.invitePerson;
    const failed = problemOf(answer, result.error);
    if (failed) return setProblem(failed);
    if (answer?.__typename === 'InvitationSent') {
      setSent({ note: answer.deliveryNote, link: answer.link ?? null });
      setEmail('');
      refresh();
    }
  }

  async function act(run: () => Promise<{ data?: object | null; error?: unknown }>) {
    setProblem(null);
    const result = await run();
    const failed = problemOf((mutationPayload(result.data) ?? undefined) as Answer, result.error);
    if (failed) setProblem(failed);
    refresh();
  }

  const people = data?.people.edges.map((edge) => edge.node) ?? [];
  return (
    <section>
      <PageHeader title="People" description="Who can sign in, and what their role lets them do." />
      <div className="card">
        <h2>Invite someone</h2>
        <form onSubmit={onInvite} className="token-form" noValidate>
          <div className="form-grid">
            <TextField label="E-mail address" type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
            <SelectField
              label="Role"
              value={role}
              options={ROLE_OPTIONS}
              onChange={(e) => setRole(e.target.value as Role)}
            />
          </div>
          <Button type="submit" variant="primary" busy={inviting}>
            Send invitation
          </Button>
        </form>
        {sent && (
          <Notice tone={sent.link ? 'warning' : 'success'}>
            <p>{sent.note}</p>
            {sent.link && (
              <div className="token-box">
                <code aria-label="Invitation link">{sent.link}</code>
                <CopyButton value={sent.link} label="Copy link" />
              </div>
            )}
          </Notice>
        )}
      </div>
      {problem && <Notice tone="error">{problem}</Notice>}
      {error && !fetching ? (
        <ErrorState message={describeError(error)} onRetry={refresh} />
      ) : !data ? (
        <LoadingState label="Loading people…" />
      ) : (
        <>
          <h2>People</h2>
          <div className="table-wrap">
            <table aria-label="People" className="table-cards">
              <thead>
                <tr>
                  <th scope="col">Username</th>
                  <th scope="col">E-mail</th>
                  <th scope="col">Role</th>
                  <th scope="col">Last sign-in</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {people.map((person) => (
                  <tr key={person.id}>
                    <td className="card-title">
                      {person.username} {!person.isActive && <span className="muted">(deactivated)</span>}
                    </td>
                    <td data-label="E-mail">{person.email}</td>
                    <td data-label="Role">
                      <SelectField
                        label={`Role of ${person.username}`}
                        className="visually-hidden-label"
                        value={person.role}
                        options={ROLE_OPTIONS.map((o) => ({ value: o.value, label: ROLE_NAMES[o.value] }))}
                        onChange={(e) => act(() => changeRole({ id: person.id, role: e.target.value as Role }))}
                      />
                    </td>
                    <td data-label="Last sign-in">
                      {person.lastLogin ? formatDateTime(person.lastLogin) : <span className="muted">Never</span>}
                    </td>
                    <td className="actions">
                      {person.isActive ? (
                        <Button
                          size="sm"
                          variant="danger"
                          onClick={() => act(() => deactivate({ id: person.id }))}
                          aria-label={`Deactivate ${person.username}`}
                        >
                          Deactivate
                        </Button>
                      ) : (
                        <Button
                          size="sm"
                          onClick={() => act(() => reactivate({ id: person.id }))}
                          aria-label={`Reactivate ${person.username}`}
                        >
                          Reactivate
                        </Button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {data.invitations.length > 0 && (
            <>
              <h2>Open invitations</h2>
              <ul aria-label="Open invitations">
                {data.invitations.map((invitation) => (
                  <li key={invitation.id}>
                    {invitation.email} as {ROLE_NAMES[invitation.role]}, expires {formatDateTime(invitation.expiresAt)}
                    {invitation.invitedBy ? `, invited by ${invitation.invitedBy.username}` : ''}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
