import type { Metadata } from 'next';
import { connection } from 'next/server';
import { AdminBreadcrumbs } from '@/components/admin/admin-breadcrumbs';
import { ApiTokensManager } from '@/components/admin/api-tokens-manager';
import { PageHeader } from '@/components/ui/page-header';
import { getPageCaller } from '@/lib/server/api/caller';
import { listApiTokens } from '@/lib/server/dal/api-token-admin';

export const metadata: Metadata = { title: 'API tokens' };

export default async function ApiTokensPage() {
  await connection();
  const caller = await getPageCaller('api-tokens:manage', '/admin/api-tokens');
  const tokens = await listApiTokens(caller);
  return (
    <>
      <AdminBreadcrumbs />
      <PageHeader title="API tokens">
        <p>
          Jobs that send extracts automatically (for example a nightly export from the PAS) use a token
          instead of a person&apos;s account. A token can import extracts and do nothing else.
        </p>
      </PageHeader>
      <ApiTokensManager initialTokens={{ tokens }} />
    </>
  );
}
