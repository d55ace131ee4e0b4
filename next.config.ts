import type { NextConfig } from 'next';
import { getEnv } from './lib/env';
import { getSecurityHeaders } from './lib/shared/security-headers';

const nextConfig: NextConfig = {
  // The embedded database, the WASM schema engine and the pg driver load native/WASM assets at run time:
  // keep them out of the server bundle.
  serverExternalPackages: [
    '@electric-sql/pglite',
    'pglite-prisma-adapter',
    '@prisma/schema-engine-wasm',
    '@prisma/adapter-pg',
    'pg',
  ],
  poweredByHeader: false,
  async headers() {
    return [
      {
        source: '/:path*',
        headers: getSecurityHeaders({ isDevelopment: getEnv().NODE_ENV === 'development' }),
      },
    ];
  },
};

export default nextConfig;
