/**
 * Where to go after signing in. Only a path on this site is accepted (never another origin, a protocol-relative
 * `//host` or a backslash trick), so that a sign-in link cannot send anyone elsewhere (open redirect).
 */
/** Set by proxy.ts: the path and query of the page requested, for layouts (which are not given it). */
export const REQUESTED_PATH_HEADER = 'x-fulfil-requested-path';

const PLACEHOLDER_ORIGIN = 'http://fulfil.invalid';
const MAX_LENGTH = 2048;

export function toSafeCallbackPath(value: string | null | undefined, fallback = '/'): string {
  if (!value || value.length > MAX_LENGTH) return fallback;
  // A path, not a scheme or a protocol-relative URL; browsers read "\" as "/".
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it refuses.
  if (!value.startsWith('/') || value.startsWith('//') || /[\\\u0000-\u001f\u007f]/.test(value))
    return fallback;
  let url: URL;
  try {
    url = new URL(value, PLACEHOLDER_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== PLACEHOLDER_ORIGIN) return fallback;
  // Not back to the sign-in page (a loop), nor to an API route (JSON, not a page).
  if (url.pathname === '/sign-in' || url.pathname.startsWith('/api/')) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The sign-in page's URL that comes back to `path` afterwards. */
export function signInPath(path: string | null | undefined): string {
  const callback = toSafeCallbackPath(path);
  return callback === '/' ? '/sign-in' : `/sign-in?${new URLSearchParams({ callbackUrl: callback })}`;
}
