/**
 * Headers sent with every response. The Content-Security-Policy is tightened further by the access-control
 * issue (#5); the essentials are here from the start: no framing, no referrer leakage, no MIME sniffing.
 */
export function getSecurityHeaders({ isDevelopment }: { isDevelopment: boolean }) {
  return [
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Referrer-Policy', value: 'same-origin' },
    { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
    {
      key: 'Content-Security-Policy',
      value: [
        "default-src 'self'",
        // Next.js injects inline bootstrap scripts; nonces arrive with the auth work.
        // React's dev tooling needs eval; production does not.
        `script-src 'self' 'unsafe-inline'${isDevelopment ? " 'unsafe-eval'" : ''}`,
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "frame-ancestors 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ].join('; '),
    },
  ];
}
