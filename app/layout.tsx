import type { Metadata } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { Providers } from './providers';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Fulfil', template: '%s – Fulfil' },
  description: 'Job-plan fulfilment and session productivity for NHS trusts.',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request, even the not-found page: the Content-Security-Policy's nonce (proxy.ts)
  // is new each time, and Next puts it on its scripts only when it renders them.
  await connection();
  return (
    <html lang="en-GB">
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
