import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { formatNumber } from '@/components/format';
import { NoDataYet } from '@/components/onboarding/no-data-yet';
import { SpecialtyTable } from '@/components/specialties/specialty-table';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Panel } from '@/components/ui/panel';
import { getPageCaller } from '@/lib/server/api/caller';
import { getCurrentOrganisation, listSpecialties } from '@/lib/server/dal/organisation';

export const metadata: Metadata = { title: 'Specialties' };

function pluralise(count: number, singular: string, plural: string): string {
  return `${formatNumber(count)} ${count === 1 ? singular : plural}`;
}

export default async function SpecialtiesPage() {
  await connection();
  const caller = await getPageCaller('metrics:view', '/specialties');
  const organisation = await getCurrentOrganisation();
  const specialties = organisation ? await listSpecialties(caller.scope) : [];
  const divisionCount = new Set(specialties.map((specialty) => specialty.divisionCode)).size;
  return (
    <>
      <PageHeader title="Specialties">
        <p>Each specialty by division, with the number of consultants whose primary specialty it is.</p>
      </PageHeader>
      {!organisation ? (
        <NoDataYet />
      ) : specialties.length === 0 ? (
        <EmptyState title="No specialties yet">
          <p>
            Specialties appear once a consultants extract has been imported (
            <Link href="/imports">Imports</Link>).
          </p>
        </EmptyState>
      ) : (
        <Panel aria-label="Specialties by division">
          <p className="mb-6">
            {pluralise(specialties.length, 'specialty', 'specialties')} in{' '}
            {pluralise(divisionCount, 'division', 'divisions')}.
          </p>
          <SpecialtyTable specialties={specialties} />
        </Panel>
      )}
    </>
  );
}
