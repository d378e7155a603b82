import { useState, type FormEvent } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { Button } from '@/components/ui/button';
import { Notice } from '@/components/ui/notice';
import { TextField } from '@/components/ui/text-field';
import { describeError } from '@/lib/error-message';
import { hasDrafts } from '@/lib/form-draft';
import { useLogin } from '@/features/auth/api/login';
import { useAuth } from '@/features/auth/components/auth-provider';

/** Only same-site paths: never send a person to another origin after sign-in. */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return '/import';
  return next;
}

/**
 * A download the server serves itself (not a page of the app): `/imports/<id>/errors.csv`.
 * After sign-in the browser fetches it for real and the app shows that import.
 */
export function serverDownload(next: string): { href: string; page: string } | null {
  const match = /^\/imports\/([^/?#]+)\/errors\.csv$/.exec(next);
  if (!match) return null;
  return { href: next, page: `/import?job=${encodeURIComponent(decodeURIComponent(match[1]))}` };
}

/** The sign-in form; on success goes back to where the person was. */
export function SignInPage() {
  const { user, signedIn } = useAuth();
  const [params] = useSearchParams();
  const [{ fetching }, login] = useLogin();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const next = safeNext(params.get('next'));
  const download = serverDownload(next);
  const [draftsWaiting] = useState(hasDrafts);

  if (user) return <Navigate to={download ? download.page : next} replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const result = await login({ username, password });
    if (result.data?.login) {
      // The download the person asked for before signing in; the app then shows its import.
      if (download) window.location.assign(download.href);
      signedIn(result.data.login);
    } else if (result.error) {
      setError(
        result.error.networkError
          ? describeError(result.error)
          : result.error.graphQLErrors.map((e) => e.message).join(' ') || 'Sign-in failed.',
      );
    } else {
      setError('Wrong username or password.');
    }
  }

  return (
    <div className="auth-page">
      <form className="auth-card" onSubmit={submit} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">Sign in</h1>
        <p className="muted">Product Importer</p>
        {params.get('next') && !error && (
          <Notice tone="info">
            {download ? 'Sign in to download the rows skipped by this import.' : 'Sign in to continue.'}
            {draftsWaiting && ' Your unsaved changes are kept: they come back once you are signed in.'}
          </Notice>
        )}
        {error && <Notice tone="error">{error}</Notice>}
        <TextField
          label="Username"
          name="username"
          autoComplete="username"
          required
          // eslint-disable-next-line jsx-a11y/no-autofocus -- this form is the page's only purpose
          autoFocus
          value={username}
          onChange={(e) => setUsername(e.target.value)}
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <Button type="submit" variant="primary" busy={fetching} className="btn-block">
          Sign in
        </Button>
        <Link to="/forgot-password">Forgot your password?</Link>
      </form>
    </div>
  );
}
