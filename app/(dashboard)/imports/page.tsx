import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { ImportHistory } from '@/components/imports/import-history';
import { ImportWorkspace } from '@/components/imports/import-workspace';
import { PageHeader } from '@/components/ui/page-header';
import { getPageCaller } from '@/lib/server/api/caller';
import { getImportHistory } from '@/lib/server/dal/import-batches';

export const metadata: Metadata = { title: 'Imports' };

export default async function ImportsPage() {
  await connection();
  const caller = await getPageCaller('imports:manage', '/imports');
  const header = (
    <PageHeader title="Imports">
      <p>
        Bring in your trust&apos;s extracts: consultants, job plans, clinic sessions or appointments, theatre
        and endoscopy lists, and leave. A file is imported whole or not at all, and importing it again changes
        nothing.
      </p>
      <p className="mt-3">
        <Link href="/imports/formats">Import formats and templates</Link>
      </p>
    </PageHeader>
  );
  // The history's first paint comes from the server; the client keeps it current as imports finish.
  const history = await getImportHistory(caller.scope);
  return (
    <>
      {header}
      <ImportWorkspace />
      <ImportHistory initialHistory={history} />
    </>
  );
}
