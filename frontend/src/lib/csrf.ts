/** Reads Django's CSRF token from the `csrftoken` cookie (sent back as `X-CSRFToken`). */
export function getCsrfToken(cookie: string = document.cookie): string | null {
  for (const part of cookie.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === 'csrftoken') return decodeURIComponent(rest.join('='));
  }
  return null;
}

/** Headers every POST to the backend carries. */
export function csrfHeaders(): Record<string, string> {
  const token = getCsrfToken();
  return token ? { 'X-CSRFToken': token } : {};
}

let pending: Promise<void> | null = null;

/**
 * Makes sure the browser has Django's CSRF cookie before a POST. The app's own
 * index.html response sets it; under the Vite dev server it does not, so ask
 * GET /graphql/ (which sets it) once.
 */
export async function ensureCsrfCookie(): Promise<void> {
  if (getCsrfToken()) return;
  pending ??= fetch('/graphql/', { headers: { Accept: 'text/html' }, credentials: 'same-origin' })
    .then(
      () => undefined,
      () => undefined,
    )
    .finally(() => {
      pending = null;
    });
  await pending;
}

/** `fetch` with the CSRF header (read fresh each time: Django rotates it at sign-in). */
export const fetchWithCsrf: typeof fetch = async (input, init) => {
  await ensureCsrfCookie();
  const headers = new Headers(init?.headers);
  const token = getCsrfToken();
  if (token) headers.set('X-CSRFToken', token);
  return fetch(input, { ...init, headers, credentials: 'same-origin' });
};
