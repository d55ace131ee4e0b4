/**
 * Security headers. Every response gets the static ones (next.config.ts); pages get a Content-Security-Policy with
 * a fresh nonce per request from proxy.ts, which Next.js puts on its own scripts.
 */

/** The request header proxy.ts passes the nonce in (Next's documented convention), for any `<Script>` of ours. */
export const NONCE_HEADER = 'x-nonce';

/** Headers sent with every response: no framing, no referrer leakage, no MIME sniffing, no device APIs. */
export function getSecurityHeaders({ isDevelopment }: { isDevelopment: boolean }) {
  return [
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Referrer-Policy', value: 'same-origin' },
    { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
    // For what the proxy does not see (API answers, static files); pages get the nonce policy instead.
    { key: 'Content-Security-Policy', value: getContentSecurityPolicy({ nonce: null, isDevelopment }) },
  ];
}

/**
 * The Content-Security-Policy. With a nonce (pages): scripts run only with this response's nonce, and what they
 * load ('strict-dynamic': Next's runtime adds its chunks as script elements), never inline or injected markup.
 * Without one (API answers, files): no inline script at all. React's development tooling needs eval; the
 * production build does not.
 */
export function getContentSecurityPolicy({
  nonce,
  isDevelopment,
}: {
  nonce: string | null;
  isDevelopment: boolean;
}): string {
  const scripts = nonce ? ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"] : ["'self'"];
  if (isDevelopment) scripts.push("'unsafe-eval'");
  // Style elements need the nonce too (Next puts it on its own). Style *attributes* cannot carry a nonce, and
  // React renders `style={…}` as attributes in the server HTML: recharts positions its tooltips, legends and
  // responsive containers that way, as do our bar widths. So attributes alone stay allowed; a style attribute
  // cannot run script. Development injects style elements without a nonce (fast refresh).
  const styles = nonce && !isDevelopment ? ["'self'", `'nonce-${nonce}'`] : ["'self'", "'unsafe-inline'"];
  return [
    "default-src 'self'",
    `script-src ${scripts.join(' ')}`,
    `style-src ${styles.join(' ')}`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/** A fresh nonce: 128 random bits, base64. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
