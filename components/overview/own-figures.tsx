import 'server-only';
import Link from 'next/link';
import { getPageDatabase } from '@/components/dashboard/page-database';
import { SectionHeading } from '@/components/ui/heading';
import { Panel } from '@/components/ui/panel';
import { getConsultantUnits } from '@/lib/server/metrics/units';
import type { Scope } from '@/lib/shared/scope';

/**
 * For a consultant, the way to their own figures at the top of the overview: consultants see their own data
 * first (the trust's totals below are context, their own page is where their sessions are).
 */
export async function OwnFigures({ scope }: { scope: Scope }) {
  const own = new Set(scope.viewer?.consultantIds ?? []);
  if (own.size === 0) return null;
  const units = await getConsultantUnits(await getPageDatabase(), scope, 'consultant');
  const mine = units.filter((unit) => unit.isNamed && own.has(unit.id));
  if (mine.length === 0) return null;
  return (
    <Panel aria-labelledby="own-figures-heading">
      <SectionHeading id="own-figures-heading">Your own figures</SectionHeading>
      <p className="mb-2">
        Your job-planned sessions against those delivered, session by session, where you can add a note or
        challenge a figure:
      </p>
      <ul>
        {mine.map((unit) => (
          <li key={unit.id}>
            <Link href={`/consultants/${unit.id}`} className="text-[1.1875rem] font-bold">
              {unit.name}, {unit.specialtyName}
            </Link>
          </li>
        ))}
      </ul>
    </Panel>
  );
}
