import 'server-only';
import { SectionHeading } from '@/components/ui/heading';
import { Panel } from '@/components/ui/panel';
import type { Caller } from '@/lib/server/api/caller';
import { getDatabase } from '@/lib/server/db';
import { listActionOwnerChoices, seesUnitNamed } from '@/lib/server/reviews/action-owners';
import { listActions } from '@/lib/server/reviews/read-actions';
import { METRIC_CHOICES } from '@/lib/shared/metrics';
import { ActionForm } from './action-form';
import { ActionsTable } from './actions-table';

type About = { consultantId: number } | { specialtyId: number };

/**
 * The actions about a consultant or a specialty, where its numbers are, and the form to agree a new one there
 * (not only in a review meeting). Listed and created within the caller's scope; the server refuses the rest.
 */
export async function ActionsPanel({ caller, about }: { caller: Caller; about: About }) {
  if (!caller.permissions.has('actions:write')) return null;
  const database = await getDatabase();
  const organisationId = caller.organisationId;
  const unit =
    'consultantId' in about
      ? await database.prisma.consultant.findFirst({
          where: { organisationId, id: about.consultantId },
          select: { divisionId: true, specialtyId: true },
        })
      : await database.prisma.specialty.findFirst({
          where: { organisationId, id: about.specialtyId },
          select: { divisionId: true, id: true },
        });
  if (!unit) return null;
  const actionUnit = {
    divisionId: unit.divisionId,
    specialtyId: 'specialtyId' in unit ? unit.specialtyId : unit.id,
  };
  const [actions, owners] = await Promise.all([
    listActions(database, caller, about),
    listActionOwnerChoices(database, caller.scope, actionUnit),
  ]);
  // A consultant's page is open only to them and to those who see them named; a specialty's actions are agreed by
  // those who see all of it named (its consultants see their peers anonymised).
  const canCreate = 'consultantId' in about || seesUnitNamed(caller.scope, actionUnit);
  const whom = 'consultantId' in about ? 'this consultant' : 'this specialty';
  return (
    <Panel id="actions" aria-labelledby="actions-heading" className="scroll-mt-6">
      <SectionHeading id="actions-heading">Actions</SectionHeading>
      {actions.length === 0 ? (
        <p>No actions about {whom} yet.</p>
      ) : (
        <ActionsTable caption={`Actions about ${whom}`} actions={actions} />
      )}
      {canCreate && (
        <ActionForm
          link={about}
          owners={owners.filter((owner) => owner.userId !== caller.userId)}
          metrics={METRIC_CHOICES}
        />
      )}
    </Panel>
  );
}
