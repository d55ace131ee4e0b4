import 'server-only';
import { formatDate } from '@/components/format';
import { loadConsultantAnnotations } from '@/components/reviews/annotation-data';
import { SectionHeading } from '@/components/ui/heading';
import { Notice } from '@/components/ui/notice';
import { Panel } from '@/components/ui/panel';
import type { Caller } from '@/lib/server/api/caller';
import type { ActivityFilter, Period } from '@/lib/server/metrics/period';
import { PER_SESSION_LABELS } from '@/lib/shared/per-session';
import { mondayOf, trendWindow } from '@/lib/shared/periods';
import type { Scope } from '@/lib/shared/scope';
import { CalendarHeatmap } from './calendar-heatmap';
import { ConsultantTrend } from './consultant-trend';
import { CURRENCY_WARNINGS, JobPlanPanel } from './job-plan-panel';
import {
  loadConsultantWeekly,
  loadJobPlans,
  loadLedgerEntries,
  loadSpecialtyPeers,
  peerCategories,
} from './load-consultant';
import { PeerStrip, type PeerValue } from './peer-strip';
import { LostSessionsTable } from './session-tables';
import { SessionsTable } from './sessions-table';

/*
 * The consultant page's sections: each reads its own data, so each streams in behind its own Suspense boundary
 * (with a loading skeleton) and its own error boundary.
 */

interface SectionProps {
  scope: Scope;
  consultantId: number;
  /** The consultant's name, for download file names. */
  name: string;
  period: Period;
  activity: ActivityFilter;
  periodLabel: string;
}

export async function CalendarSection({ scope, consultantId, name, period, activity }: SectionProps) {
  const sessions = await loadLedgerEntries(scope, consultantId, period.from, period.to, activity);
  return (
    <Panel aria-labelledby="calendar-heading">
      <SectionHeading id="calendar-heading">Plan against delivery, session by session</SectionHeading>
      <p className="mb-4">
        Each square is a half-day session in the job plan, marked with what happened. Focus or point at a
        square for its details.
      </p>
      {sessions.length === 0 ? (
        <p>
          No planned or held sessions from {formatDate(period.from)} to {formatDate(period.to)}. If this
          consultant should have sessions here, check that their job plan and the clinic and theatre extracts
          covering these dates have been imported.
        </p>
      ) : (
        <>
          <div data-testid="main-chart">
            <CalendarHeatmap sessions={sessions} period={period} />
          </div>
          <SessionsTable sessions={sessions} exportName={`${name} sessions ${period.from} to ${period.to}`} />
        </>
      )}
    </Panel>
  );
}

export async function LostSessionsSection({
  scope,
  consultantId,
  name,
  period,
  activity,
  periodLabel,
  hasNoteLinks,
}: SectionProps & { hasNoteLinks?: boolean }) {
  const sessions = await loadLedgerEntries(scope, consultantId, period.from, period.to, activity);
  return (
    <Panel aria-labelledby="lost-heading">
      <SectionHeading id="lost-heading">
        <a href="/definitions#lostSessions">Lost sessions</a> and leave
      </SectionHeading>
      <p className="mb-4">
        Planned sessions cancelled by the hospital or with no record (lost), and those covered by leave or
        sickness, with the reason given.
      </p>
      <LostSessionsTable
        sessions={sessions}
        periodLabel={periodLabel}
        exportName={`${name} lost sessions ${period.from} to ${period.to}`}
        hasNoteLinks={hasNoteLinks}
      />
    </Panel>
  );
}

export async function TrendSection({
  scope,
  consultantId,
  name,
  period,
  activity,
  caller,
}: SectionProps & { caller?: Caller }) {
  // The charts cover the year to the period's end, as every weekly SPC chart does; the notes the caller may read
  // over those weeks are marked on them.
  const window = trendWindow(period);
  const [weekly, annotations, jobPlans] = await Promise.all([
    loadConsultantWeekly(scope, consultantId, period.to, activity),
    caller ? loadConsultantAnnotations(caller, consultantId, window.from, window.to) : [],
    loadJobPlans(scope, consultantId, period.to),
  ]);
  // A new job plan is the change a consultant's limits are most often recalculated after: its week says so.
  const weekNotes = Object.fromEntries(
    jobPlans.versions.map((version) => [
      mondayOf(version.effectiveFrom),
      `job plan ${version.jobPlanId} version ${version.version} from ${formatDate(version.effectiveFrom)}`,
    ]),
  );
  return (
    <Panel aria-labelledby="trend-heading">
      <SectionHeading id="trend-heading">Trend</SectionHeading>
      <p className="mb-4">
        Week by week over the year to {formatDate(window.to)}, whatever the period chosen: enough weeks for
        the process limits to separate signal from noise.
      </p>
      <ConsultantTrend
        name={name}
        period={window}
        weekly={weekly}
        annotations={annotations}
        weekNotes={weekNotes}
      />
    </Panel>
  );
}

export async function PeersSection({
  scope,
  consultantId,
  period,
  activity,
  specialty,
}: SectionProps & { specialty: { id: number; name: string } | null }) {
  // By the own row's specialty: the page started the same reads from its early lookup (shared through the cache).
  const categories = peerCategories(activity);
  const reports = specialty
    ? await Promise.all(
        categories.map((category) =>
          loadSpecialtyPeers(scope, specialty.id, period.from, period.to, category),
        ),
      )
    : [];
  return (
    <Panel aria-labelledby="peers-heading">
      <SectionHeading id="peers-heading">
        <a href="/definitions#casesPerSession">Patients or cases per session</a> in the specialty
      </SectionHeading>
      <p className="mb-4">
        This consultant (blue diamond) against the other consultants of {specialty?.name ?? 'the specialty'}{' '}
        (grey circles, not named), {formatDate(period.from)} to {formatDate(period.to)}, like activity with
        like.
      </p>
      {specialty === null && (
        <p>This consultant has no specialty recorded, so there are no peers to compare.</p>
      )}
      {reports.map((report, index) => {
        const category = categories[index] as 'clinic' | 'list';
        let peer = 0;
        const values: PeerValue[] = report.rows
          .filter((row) => row.casesPerSession !== null)
          .map((row) => {
            const isSelf = row.id === consultantId;
            if (!isSelf) peer += 1;
            return {
              label: isSelf ? 'This consultant' : row.isAnonymised ? row.key : `Peer ${peer}`,
              value: row.casesPerSession as number,
              isSelf,
            };
          });
        const title = PER_SESSION_LABELS[category];
        if (values.filter((value) => !value.isSelf).length < 2) {
          return (
            <p key={category} className="mb-4">
              <strong>{title}:</strong> not shown — too few other consultants in the specialty held{' '}
              {category === 'clinic' ? 'clinics' : 'lists'} in this period to compare without identifying
              them.
            </p>
          );
        }
        return (
          <PeerStrip
            key={category}
            title={title}
            values={values}
            unitLabel={category === 'clinic' ? 'patients per clinic' : 'cases per list'}
          />
        );
      })}
    </Panel>
  );
}

/**
 * A warning at the top of the page when no agreed job plan is in force on the period's last day: every figure on
 * the page is measured against the plan, so a reader must know before reading them.
 */
export async function JobPlanBanner({ scope, consultantId, period }: SectionProps) {
  const { currency } = await loadJobPlans(scope, consultantId, period.to);
  const own = currency.consultants[0];
  const status = own?.status ?? 'missing';
  if (status === 'current' || status === 'review_overdue') return null;
  return (
    <Notice>
      <p data-testid="job-plan-banner">
        <strong>
          {CURRENCY_WARNINGS[status].title} on {formatDate(period.to)}
          {own?.endedOn ? ` (the last plan ended on ${formatDate(own.endedOn)})` : ''}.
        </strong>{' '}
        Sessions held with no agreed plan in force count as additional sessions, and fulfilment cannot be
        judged for them. {CURRENCY_WARNINGS[status].action} <a href="#job-plan-heading">See the job plan</a>.
      </p>
    </Notice>
  );
}

export async function JobPlanSection({ scope, consultantId, name, period }: SectionProps) {
  const { versions, currency } = await loadJobPlans(scope, consultantId, period.to);
  return (
    <Panel aria-labelledby="job-plan-heading">
      <SectionHeading id="job-plan-heading">Job plan</SectionHeading>
      <JobPlanPanel
        versions={versions}
        status={currency.consultants[0]?.status ?? 'missing'}
        asOf={period.to}
        reviewMonths={currency.reviewMonths}
        exportName={name}
      />
    </Panel>
  );
}
