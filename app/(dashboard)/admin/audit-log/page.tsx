import type { Metadata } from 'next';
import { connection } from 'next/server';
import { AdminBreadcrumbs } from '@/components/admin/admin-breadcrumbs';
import { AuditLog } from '@/components/admin/audit-log';
import { PageHeader } from '@/components/ui/page-header';
import { getPageCaller } from '@/lib/server/api/caller';
import { getAuditFilterOptions, listAuditEvents } from '@/lib/server/dal/audit-events';
import { AUDIT_PAGE_SIZE, type AuditEventQuery, auditEventQuerySchema } from '@/lib/shared/schemas/admin';

export const metadata: Metadata = { title: 'Audit log' };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await connection();
  const caller = await getPageCaller('audit:view', '/admin/audit-log');
  // Filters that do not parse are shown as problems by the client; the first paint uses the defaults.
  const parsed = auditEventQuerySchema.safeParse(
    Object.fromEntries(Object.entries(await searchParams).filter(([, value]) => value !== undefined)),
  );
  const query: AuditEventQuery = parsed.success ? parsed.data : { page: 1, pageSize: AUDIT_PAGE_SIZE };
  const [events, options] = await Promise.all([
    listAuditEvents(caller, query),
    getAuditFilterOptions(caller),
  ]);
  return (
    <>
      <AdminBreadcrumbs />
      <PageHeader title="Audit log">
        <p>
          Every sign-in and failed sign-in, import, export, view of a named consultant&apos;s data by someone
          else, and change to users, roles, tokens and parameters. Nothing here can be changed or deleted.
        </p>
      </PageHeader>
      <AuditLog initialQuery={query} initialEvents={events} options={options} />
    </>
  );
}
