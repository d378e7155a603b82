import type { FeedFieldsFragment, FeedInput, ImportOptionsInput } from '@/gql/graphql';

/** What happens to a write-only secret when the form is saved. */
export type SecretAction = 'keep' | 'replace' | 'clear';

/** A write-only secret in the form: the server only says whether it is set. */
export interface SecretValue {
  action: SecretAction;
  /** The new value, when `action` is "replace". */
  value: string;
}

export const SECRET_FIELDS = ['password', 'headerValue', 'privateKey'] as const;
export type SecretField = (typeof SECRET_FIELDS)[number];

/** The feed form's values; secrets separately, as actions on what the server holds. */
export interface FeedFormValues {
  name: string;
  url: string;
  username: string;
  headerName: string;
  hostKey: string;
  schedule: string;
  timeZone: string;
  /** The extra addresses as typed: one a line, or separated by commas. */
  notifyEmails: string;
  notifyOnSuccess: boolean;
  enabled: boolean;
  secrets: Record<SecretField, SecretValue>;
  /** Import options chosen in "Check columns" and not saved yet (a new feed's). */
  options: ImportOptionsInput | null;
}

/** The form fields a server message may name (the rest are shown above the form). */
export const FORM_FIELDS = [
  'name',
  'url',
  'username',
  'password',
  'headerName',
  'headerValue',
  'privateKey',
  'hostKey',
  'schedule',
  'timeZone',
  'notifyEmails',
  'enabled',
] as const;

export const NAME_LIMIT = 255;
export const URL_LIMIT = 2000;

const keep: SecretValue = { action: 'keep', value: '' };

/** The browser's time zone, the default of a new feed's schedule. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** The form's values for `feed`, or for a new feed. */
export function initialValues(feed: FeedFieldsFragment | null): FeedFormValues {
  return {
    name: feed?.name ?? '',
    url: feed?.url ?? '',
    username: feed?.username ?? '',
    headerName: feed?.headerName ?? '',
    hostKey: feed?.hostKey ?? '',
    schedule: feed?.schedule ?? '',
    timeZone: feed?.timeZone ?? browserTimeZone(),
    notifyEmails: (feed?.notifyEmails ?? []).join('\n'),
    notifyOnSuccess: feed?.notifyOnSuccess ?? false,
    enabled: feed?.enabled ?? true,
    secrets: { password: keep, headerValue: keep, privateKey: keep },
    options: null,
  };
}

/** Which kind of source a URL is, by its scheme ("other" until one is recognised). */
export function sourceKind(url: string): 'http' | 'sftp' | 'other' {
  const scheme = url.trim().toLowerCase().split(':', 1)[0];
  if (scheme === 'sftp') return 'sftp';
  if (scheme === 'http' || scheme === 'https') return 'http';
  return 'other';
}

/** The addresses in the "Also e-mail" field, trimmed, without empty ones. */
export function emailList(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((address) => address.trim())
    .filter(Boolean);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Problems the form can tell before asking the server, by field. The server checks
 * everything again (the URL's host, the cron expression, the time zone) and answers on
 * the same fields.
 */
export function checkValues(values: FeedFormValues): Record<string, string[]> {
  const problems: Record<string, string[]> = {};
  const add = (field: string, message: string) => (problems[field] ??= []).push(message);
  if (!values.name.trim()) add('name', 'Give the feed a name, e.g. "Acme daily catalogue".');
  const url = values.url.trim();
  if (!url) add('url', 'Enter the source’s URL: https://example.com/catalogue.csv or sftp://host/path/catalogue.csv.');
  else if (sourceKind(url) === 'other')
    add('url', 'A feed reads https://, http:// or sftp:// URLs; this one starts otherwise.');
  const bad = emailList(values.notifyEmails).filter((address) => !EMAIL.test(address));
  if (bad.length) add('notifyEmails', `Not an e-mail address: ${bad.join(', ')}.`);
  if (sourceKind(url) === 'sftp' && !values.username.trim()) add('username', 'An SFTP feed needs a user name.');
  return problems;
}

/**
 * The FeedInput for a save or a source test. A new feed sends every field; a saved one
 * sends what the form holds (updateFeed is partial, so unchanged values change nothing) and
 * only the secrets being replaced or cleared ("" clears one).
 */
export function toFeedInput(values: FeedFormValues, feed: FeedFieldsFragment | null): FeedInput {
  const input: FeedInput = {
    name: values.name.trim(),
    url: values.url.trim(),
    username: values.username.trim(),
    headerName: values.headerName.trim(),
    hostKey: values.hostKey.trim(),
    schedule: values.schedule.trim(),
    timeZone: values.timeZone.trim(),
    notifyEmails: emailList(values.notifyEmails),
    notifyOnSuccess: values.notifyOnSuccess,
    enabled: values.enabled,
  };
  for (const field of SECRET_FIELDS) {
    const secret = values.secrets[field];
    if (secret.action === 'clear' && feed) input[field] = '';
    if (secret.action === 'replace' && secret.value !== '') input[field] = secret.value;
  }
  if (values.options) input.options = values.options;
  return input;
}

/** The import options a feed saved, as the input the check step starts from. */
export function savedOptions(feed: FeedFieldsFragment | null): ImportOptionsInput {
  if (!feed) return {};
  const { format, sheet, encoding, delimiter, headerRow, mapping, mode, emptyCells, missing, missingScope } =
    feed.options;
  const out: ImportOptionsInput = { mode, emptyCells, missing, missingScope };
  out.maxRemovalPercent = feed.options.maxRemovalPercent;
  if (format) out.format = format;
  if (sheet) out.sheet = sheet;
  if (encoding) out.encoding = encoding;
  if (delimiter) out.delimiter = delimiter;
  if (headerRow) out.headerRow = headerRow;
  if (mapping) {
    out.mapping = {
      sku: mapping.sku ?? null,
      name: mapping.name ?? null,
      description: mapping.description ?? null,
      active: mapping.active ?? null,
    };
  }
  return out;
}
