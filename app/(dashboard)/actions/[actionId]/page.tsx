import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { formatDateTime } from '@/components/format';
import { ActionEditor } from '@/components/reviews/action-editor';
import { describeActionEvent, ownerIdsIn } from '@/components/reviews/action-history';
import { SectionHeading } from '@/components/ui/heading';
import { PageHeader } from '@/components/ui/page-header';
import { Panel } from '@/components/ui/panel';
import { SummaryList } from '@/components/ui/summary-list';
import { getPageCaller } from '@/lib/server/api/caller';
import { getDatabase } from '@/lib/server/db';
import { listActionOwnerChoices } from '@/lib/server/reviews/action-owners';
import { getUserNames } from '@/lib/server/reviews/action-rows';
import { getAction } from '@/lib/server/reviews/read-actions';
import { canChangeAction } from '@/lib/server/reviews/update-action';
import { ACTION_STATUS_LABELS } from '@/lib/shared/action-status';
import { METRIC_CHOICES } from '@/lib/shared/metrics';

export const metadata: Metadata = { title: 'Action' };

interface PageProps {
  params: Promise<{ actionId: string }>;
}

const ukDate = (iso: string | null) =>
  iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : 'None';

/**
 * One action: what it is about, who owns it, when it is due, its whole history, and (for those who may change it)
 * the form that moves it on. An action the caller may not see is not found.
 */
export default async function ActionPage({ params }: PageProps) {
  await connection();
  const { actionId: rawId } = await params;
  const caller = await getPageCaller('metrics:view', `/actions/${encodeURIComponent(rawId)}`);
  if (!/^[1-9]\d{0,9}$/.test(rawId) || Number(rawId) > 2_147_483_647) notFound();
  const actionId = Number(rawId);
  const database = await getDatabase();
  const action = await getAction(database, caller, actionId);
  if (!action) notFound();
  const organisationId = caller.organisationId;
  const [canChange, owners, names, division, specialty] = await Promise.all([
    caller.permissions.has('actions:write') ? canChangeAction(database, caller, actionId) : false,
    listActionOwnerChoices(database, caller.scope, action),
    getUserNames(database, organisationId, ownerIdsIn(action.history)),
    database.prisma.division.findFirst({
      where: { organisationId, id: action.divisionId },
      select: { name: true },
    }),
    action.specialtyId === null
      ? null
      : database.prisma.specialty.findFirst({
          where: { organisationId, id: action.specialtyId },
          select: { id: true, name: true },
        }),
  ]);
  const metric = METRIC_CHOICES.find((choice) => choice.id === action.metricId);
  return (
    <>
      <PageHeader caption="Action" title={action.title}>
        <p>
          <Link href="/actions">My actions</Link>
          {action.meetingId !== null && (
            <>
              {' · '}
              <Link href={`/reviews/${action.meetingId}`}>the review meeting it was agreed in</Link>
            </>
          )}
        </p>
      </PageHeader>
      <Panel aria-labelledby="about-heading">
        <SectionHeading id="about-heading">The action</SectionHeading>
        <SummaryList
          items={[
            {
              key: 'status',
              label: 'Status',
              value: (
                <>
                  {ACTION_STATUS_LABELS[action.status]}
                  {action.isOverdue && <strong className="ml-2 bg-nhs-warm-yellow px-2">Overdue</strong>}
                  {action.isEscalated && (
                    <strong className="ml-2 bg-nhs-warm-yellow px-2">
                      Escalated to the divisional director
                    </strong>
                  )}
                </>
              ),
            },
            { key: 'owner', label: 'Owner', value: action.owner.name ?? '–' },
            { key: 'due', label: 'Due', value: ukDate(action.dueOn) },
            {
              key: 'about',
              label: 'About',
              value: (
                <>
                  {division?.name ?? 'The division'}
                  {specialty && (
                    <>
                      {' › '}
                      <Link href={`/specialties/${specialty.id}`}>{specialty.name}</Link>
                    </>
                  )}
                  {action.consultant && (
                    <>
                      {' › '}
                      <Link href={`/consultants/${action.consultant.id}`}>{action.consultant.name}</Link>
                    </>
                  )}
                </>
              ),
            },
            {
              key: 'metric',
              label: 'Figure it addresses',
              value: metric ? <Link href="/definitions">{metric.label}</Link> : 'None in particular',
            },
            { key: 'created', label: 'Created', value: formatDateTime(action.createdAt) },
          ]}
        />
      </Panel>
      {canChange && (
        <Panel aria-labelledby="change-heading">
          <SectionHeading id="change-heading">Move it on</SectionHeading>
          <ActionEditor action={action} owners={owners} />
        </Panel>
      )}
      <Panel aria-labelledby="history-heading">
        <SectionHeading id="history-heading">History</SectionHeading>
        <ol className="max-w-3xl" aria-label="History, oldest first">
          {action.history.map((event) => (
            <li key={event.id} className="border-b border-nhs-mid-grey py-3">
              <p className="text-nhs-dark-grey">
                {formatDateTime(event.occurredAt)}
                {event.actor?.name ? `, ${event.actor.name}` : ''}
              </p>
              <p>{describeActionEvent(event, names)}</p>
              {event.note && <p className="mt-1 italic">“{event.note}”</p>}
            </li>
          ))}
        </ol>
      </Panel>
    </>
  );
}
