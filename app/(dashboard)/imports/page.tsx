import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { ImportHistory } from '@/components/imports/import-history';
import { ImportWorkspace } from '@/components/imports/import-workspace';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { getBrowserCaller } from '@/lib/server/api/caller';
import { AppError } from '@/lib/server/api/errors';
import { getImportHistory } from '@/lib/server/dal/import-batches';

export const metadata: Metadata = { title: 'Imports' };

async function getCallerOrNull() {
  try {
    return await getBrowserCaller();
  } catch (error) {
    if (error instanceof AppError && error.code === 'no_organisation') return null;
    throw error;
  }
}

export default async function ImportsPage() {
  await connection();
  const caller = await getCallerOrNull();
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
  if (!caller) {
    return (
      <>
        {header}
        <EmptyState title="No trust yet">
          <p>Imports are made for a trust, and there is none in the database yet.</p>
          <p>
            Create it with{' '}
            <code className="bg-nhs-pale-grey px-1 font-mono">
              npm run --silent cli -- organisation:create &lt;ODS code&gt; &quot;&lt;name&gt;&quot;
            </code>
            , or load the demo trust with{' '}
            <code className="bg-nhs-pale-grey px-1 font-mono">npm run cli -- demo:setup</code>.
          </p>
        </EmptyState>
      </>
    );
  }
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
