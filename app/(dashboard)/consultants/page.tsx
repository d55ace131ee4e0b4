import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { ConsultantList } from '@/components/consultants/consultant-list';
import { NoDataYet } from '@/components/onboarding/no-data-yet';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Panel } from '@/components/ui/panel';
import { getPageCaller } from '@/lib/server/api/caller';
import { getCurrentOrganisation } from '@/lib/server/dal/organisation';
import { getDatabase } from '@/lib/server/db';
import { getConsultantUnits } from '@/lib/server/metrics/units';

export const metadata: Metadata = { title: 'Consultants' };

export default async function ConsultantsPage() {
  await connection();
  const caller = await getPageCaller('metrics:view', '/consultants');
  const organisation = await getCurrentOrganisation();
  // Only those the caller may see named: anonymised peers are compared on each consultant's page, never listed.
  const consultants = organisation
    ? (await getConsultantUnits(await getDatabase(), caller.scope, 'consultant')).filter(
        (unit) => unit.isNamed,
      )
    : [];
  return (
    <>
      <PageHeader title="Consultants">
        <p>
          Each consultant’s job-planned sessions against the sessions delivered, session by session. You see
          the consultants your role lets you see by name; others appear only anonymised, on each consultant’s
          page.
        </p>
      </PageHeader>
      {!organisation ? (
        <NoDataYet />
      ) : consultants.length === 0 ? (
        <EmptyState title="No consultants to show">
          <p>
            Either no consultants extract has been imported yet (<Link href="/imports">Imports</Link>), or
            your role does not include any consultant by name. Ask your information team if you expected to
            see some.
          </p>
        </EmptyState>
      ) : (
        <Panel aria-label="Consultants">
          <ConsultantList
            consultants={consultants.map(({ id, name, gmcNumber, specialtyName, divisionName }) => ({
              id,
              name,
              gmcNumber,
              specialtyName,
              divisionName,
            }))}
          />
        </Panel>
      )}
    </>
  );
}
