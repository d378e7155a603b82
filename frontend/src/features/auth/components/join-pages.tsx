import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Button } from '@/components/ui/button';
import { Notice } from '@/components/ui/notice';
import { LoadingState } from '@/components/ui/states';
import { TextField } from '@/components/ui/text-field';
import { describeError } from '@/lib/error-message';
import { splitMessages } from '@/lib/operation-info';
import { useLogin } from '@/features/auth/api/login';
import {
  useAcceptInvitation,
  useInvitation,
  useRequestPasswordReset,
  useResetPassword,
} from '@/features/auth/api/join';
import { useAuth } from '@/features/auth/components/auth-provider';

const ROLE_NAMES: Record<string, string> = { VIEWER: 'Viewer', EDITOR: 'Editor', ADMIN: 'Admin' };

type Answer = { __typename: string; messages?: readonly { message: string; field: string | null }[] };

/** The form's errors from a joining mutation's answer (by field, and `general`), or null when it
 * went through. */
function answerErrors(
  error: Parameters<typeof describeError>[0] | undefined,
  answer: Answer | null | undefined,
): Record<string, string[]> | null {
  if (error) return { general: [describeError(error)] };
  if (answer?.__typename !== 'OperationInfo') return null;
  const split = splitMessages(answer.messages ?? [], ['username', 'password', 'token']);
  return { ...split.byField, general: split.general };
}

/** /invitation/:token — the invitee chooses a username and password, then is signed in. */
export function AcceptInvitationPage() {
  const { token = '' } = useParams();
  const [{ data, error, fetching }] = useInvitation(token);
  const [{ fetching: joining }, accept] = useAcceptInvitation();
  const [, login] = useLogin();
  const { signedIn } = useAuth();
  const navigate = useNavigate();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string[]>>({});

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await accept({ token, username, password });
    const failed = answerErrors(result.error, result.data?.acceptInvitation);
    if (failed) return setErrors(failed);
    const signedInResult = await login({ username, password });
    if (signedInResult.data?.login) signedIn(signedInResult.data.login);
    navigate('/import');
  }

  if (fetching && !data) return <LoadingState label="Opening the invitation…" />;
  const invitation = data?.invitation;
  return (
    <div className="auth-page">
      <form className="auth-card" onSubmit={submit} aria-labelledby="join-title">
        <h1 id="join-title">Join the Product Importer</h1>
        {!invitation ? (
          <Notice tone="error">
            {error
              ? error.graphQLErrors.map((e) => e.message).join(' ') || describeError(error)
              : 'This invitation link is not valid.'}
          </Notice>
        ) : (
          <>
            <p className="muted">
              {invitation.email} is invited as {ROLE_NAMES[invitation.role]}. Choose how you sign in.
            </p>
            {errors.general?.length ? <Notice tone="error">{errors.general.join(' ')}</Notice> : null}
            {errors.token?.length ? <Notice tone="error">{errors.token.join(' ')}</Notice> : null}
            <TextField
              label="Username"
              autoComplete="username"
              required
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              errors={errors.username}
            />
            <TextField
              label="Password"
              type="password"
              autoComplete="new-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              errors={errors.password}
              hint="At least 8 characters, not a common password, not only digits."
            />
            <Button type="submit" variant="primary" busy={joining} className="btn-block">
              Join
            </Button>
          </>
        )}
      </form>
    </div>
  );
}

/** /forgot-password — asks for a reset link by e-mail. */
export function ForgotPasswordPage() {
  const [{ fetching }, request] = useRequestPasswordReset();
  const [login, setLogin] = useState('');
  const [done, setDone] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    await request({ login });
    setDone(true);
  }

  return (
    <div className="auth-page">
      <form className="auth-card" onSubmit={submit} aria-labelledby="forgot-title">
        <h1 id="forgot-title">Reset your password</h1>
        {done ? (
          <Notice tone="success">
            If an account with an e-mail address matches, a reset link is on its way. It works once.
          </Notice>
        ) : (
          <>
            <TextField
              label="Username or e-mail"
              autoComplete="username"
              required
              value={login}
              onChange={(e) => setLogin(e.target.value)}
            />
            <Button type="submit" variant="primary" busy={fetching} className="btn-block">
              Send reset link
            </Button>
          </>
        )}
        <Link to="/login">Back to sign-in</Link>
      </form>
    </div>
  );
}

/** /reset-password/:uid/:token — sets a new password from the e-mailed link. */
export function ResetPasswordPage() {
  const { uid = '', token = '' } = useParams();
  const [{ fetching }, reset] = useResetPassword();
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [done, setDone] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await reset({ uid, token, password });
    const failed = answerErrors(result.error, result.data?.resetPassword);
    if (failed) return setErrors(failed);
    setDone(true);
  }

  return (
    <div className="auth-page">
      <form className="auth-card" onSubmit={submit} aria-labelledby="reset-title">
        <h1 id="reset-title">Choose a new password</h1>
        {done ? (
          <Notice tone="success">
            Your password is changed. <Link to="/login">Sign in</Link>
          </Notice>
        ) : (
          <>
            {[...(errors.general ?? []), ...(errors.token ?? [])].length > 0 && (
              <Notice tone="error">{[...(errors.general ?? []), ...(errors.token ?? [])].join(' ')}</Notice>
            )}
            <TextField
              label="New password"
              type="password"
              autoComplete="new-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              errors={errors.password}
            />
            <Button type="submit" variant="primary" busy={fetching} className="btn-block">
              Set password
            </Button>
          </>
        )}
      </form>
    </div>
  );
}
