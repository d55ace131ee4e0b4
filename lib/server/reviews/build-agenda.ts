import { isWhollyCovered } from '@/lib/shared/baseline-change';
import { getMetric, type MetricId } from '@/lib/shared/metrics';
import { categoriesHeld, PER_SESSION_LABELS } from '@/lib/shared/per-session';
import { todayInLondon, trendWindow, wholeWeeksOnly, yearsEarlier } from '@/lib/shared/periods';
import type {
  AgendaCategory,
  AgendaFunnelPoint,
  AgendaMember,
  AgendaMetric,
  AgendaPerson,
  AgendaTrendPoint,
  AgendaUnit,
  FrozenAgenda,
  MemberRef,
  ReviewActivity,
} from '@/lib/shared/review-agenda';
import type { Scope } from '@/lib/shared/scope';
import { computeFunnel, computeSpc } from '@/lib/shared/stats';
import type { Database } from '../db';
import type { SessionMetrics } from '../metrics/derive';
import type { SeriesPoint } from '../metrics/series';
import { getSeries } from '../metrics/series';
import { getUnitReport, type UnitReportRow } from '../metrics/unit-report';
import { getSpecialtyView } from '../metrics/views';
import { getWorkloadBalance } from '../metrics/workload-balance';
import { getUserNames, toAgendaAction } from './action-rows';
import { getAgendaAnnotations, getAgendaChallenges } from './agenda-records';
import { getCarriedForwardActions } from './carry-forward';
import { getForReviewList } from './for-review';
import { getCancellationReasons } from './lost-reasons';
import { getReviewParameters } from './parameters';

/** The headline metrics of every review, in order. */
const HEADLINE_METRICS = [
  'fulfilmentNet',
  'fulfilmentGross',
  'totalDelivery',
  'lostSessions',
  'casesPerSession',
  'slotUtilisation',
  'dnaRate',
  'patientsPerWeek',
] as const satisfies readonly (MetricId & keyof SessionMetrics)[];

export interface BuildAgendaRequest {
  unit: AgendaUnit;
  people: AgendaPerson[];
  period: { from: string; to: string };
  activity: ReviewActivity;
  /** The meeting the agenda is for (null before it exists) and when it started: what carries forward. */
  meetingId: number | null;
  startedAt: Date;
  /** The caller's clock: when the agenda is taken (`takenAt`), and the trust's date then (what is overdue). */
  now: Date;
}

/**
 * The standardised agenda of a review, the same for every specialty: headline metrics against targets with SPC
 * icons, trend, funnel positions, lost sessions by reason, workload balance, opportunities, the consultants' "for
 * review" flags, annotations, challenges, actions carried forward and new actions. Built from the metric views
 * with the scope of whoever runs the meeting (who sees the unit named); readers get it through discloseAgenda.
 */
export async function buildAgenda(
  database: Database,
  scope: Scope,
  request: BuildAgendaRequest,
): Promise<FrozenAgenda> {
  const { unit, period, activity } = request;
  const today = todayInLondon(request.now);
  const filter = { level: unit.level, id: unit.id } as const;
  const weeklyOf = (category: ReviewActivity) =>
    getSeries(database, scope, {
      level: unit.level,
      bucket: 'week',
      unit: filter,
      period: trendWindow(period),
      activity: category,
    });
  const baselinePeriod = yearsEarlier(period);
  const [figures, baseline, trendSeries, categorySeries, workload, forReview, reasons, parameters] =
    await Promise.all([
      getUnitFigures(database, scope, request),
      getUnitReport(database, scope, {
        level: unit.level,
        within: filter,
        period: baselinePeriod,
        activity,
      }),
      weeklyOf(activity),
      // With clinics and lists together, each category's own weekly series: its patients or cases per session.
      activity === 'all'
        ? Promise.all([weeklyOf('clinic'), weeklyOf('list')])
        : Promise.resolve([] as Awaited<ReturnType<typeof weeklyOf>>[]),
      getWorkloadBalance(database, scope, { period, activity, within: filter }),
      getForReviewList(database, scope, { asOf: period.to, unit: filter }),
      getCancellationReasons(database, scope, { unit: filter, period, activity }),
      getReviewParameters(database, scope.organisationId),
    ]);
  const consultantIds = request.people.map((person) => person.id);
  const records = { organisationId: scope.organisationId, consultantIds, period };
  const [annotations, challenges, carried, created] = await Promise.all([
    getAgendaAnnotations(database, records),
    getAgendaChallenges(database, records),
    getCarriedForwardActions(database, scope.organisationId, request),
    request.meetingId === null
      ? Promise.resolve([])
      : database.prisma.reviewAction.findMany({
          where: { organisationId: scope.organisationId, meetingId: request.meetingId },
          orderBy: { id: 'asc' },
        }),
  ]);
  const owners = await getUserNames(
    database,
    scope.organisationId,
    [...carried, ...created].map((action) => action.ownerUserId),
  );
  const trend = wholeWeeksOnly(trendSeries[0]?.points);
  const unitRow = figures.unitRow;
  const categoryTrends = new Map(
    (['clinic', 'list'] as const).map((category, index) => [
      category,
      wholeWeeksOnly(categorySeries[index]?.[0]?.points),
    ]),
  );
  const categories = activity === 'all' ? headlineCategoriesOf(unitRow) : [];
  const members = figures.memberRows.flatMap((row) => {
    const member = memberRefOf(row);
    return member ? [toAgendaMember(member, row, categories)] : [];
  });
  return {
    version: 1,
    unit,
    period,
    activity,
    takenAt: request.now.toISOString(),
    coveredPeriod: figures.coveredPeriod,
    weeks: figures.weeks,
    parameters: {
      fulfilmentTarget: parameters.fulfilmentTarget,
      reviewFulfilmentBelow: parameters.reviewFulfilmentBelow,
      reviewTotalDeliveryAbove: parameters.reviewTotalDeliveryAbove,
      reviewMonths: parameters.reviewMonths,
    },
    headline: HEADLINE_METRICS.flatMap((metricId) =>
      metricId === 'casesPerSession' && activity === 'all'
        ? categories.map((category) =>
            perSessionHeadline(category, unitRow, categoryTrends.get(category) ?? []),
          )
        : [
            headlineMetric(
              metricId,
              unitRow,
              trend,
              metricId === 'fulfilmentNet' ? parameters.fulfilmentTarget : null,
            ),
          ],
    ),
    baseline: {
      period: baselinePeriod,
      patientsPerWeek: isWhollyCovered(baseline) ? (baseline.rows[0]?.patientsPerWeek ?? null) : null,
    },
    trend: trend.map((point) => toTrendPoint(point, categories, categoryTrends)),
    funnel: {
      basis: unit.level === 'specialty' ? 'consultant' : 'specialty',
      ...fulfilmentFunnel(figures.memberRows),
    },
    lostSessions: {
      byOutcome: unitRow?.lost ?? {
        hospitalCancelled: 0,
        notScheduled: 0,
        leaveAdequateNotice: 0,
        leaveShortNotice: 0,
        sickness: 0,
      },
      byReason: reasons,
    },
    members,
    workload: {
      window: workload.window,
      rows: workload.consultants.flatMap((row) =>
        row.consultantId === null
          ? []
          : [
              {
                member: { kind: 'consultant', consultantId: row.consultantId },
                months: row.months,
                flag: row.flag,
              },
            ],
      ),
    },
    opportunities: {
      total: unitRow?.opportunityPerWeek.total ?? 0,
      rows: [...members]
        .filter((member) => member.opportunityPerWeek.total > 0)
        .sort((a, b) => b.opportunityPerWeek.total - a.opportunityPerWeek.total),
    },
    forReview: forReview.map((entry) => ({
      member: { kind: 'consultant', consultantId: entry.consultantId },
      rule: entry.rule,
      months: entry.months,
      month: entry.month,
    })),
    annotations: byPerson(annotations, request.people),
    challenges: byPerson(challenges, request.people),
    actionsCarriedForward: carried.map((row) => toAgendaAction(row, owners, today)),
    newActions: created.map((row) => toAgendaAction(row, owners, today)),
    people: request.people,
  };
}

/** The unit's own row and its members' rows (consultants of a specialty; specialties of a division). */
async function getUnitFigures(database: Database, scope: Scope, request: BuildAgendaRequest) {
  const { unit, period, activity } = request;
  if (unit.level === 'specialty') {
    const view = await getSpecialtyView(database, scope, { specialtyId: unit.id, period, activity });
    return {
      unitRow: view?.specialty ?? null,
      memberRows: view?.consultants.rows ?? [],
      coveredPeriod: view?.consultants.coveredPeriod ?? null,
      weeks: view?.consultants.weeks ?? 0,
    };
  }
  const within = { level: 'division', id: unit.id } as const;
  const [division, specialties] = await Promise.all([
    getUnitReport(database, scope, { level: 'division', within, period, activity }),
    getUnitReport(database, scope, { level: 'specialty', within, period, activity }),
  ]);
  return {
    unitRow: division.rows[0] ?? null,
    memberRows: specialties.rows,
    coveredPeriod: division.coveredPeriod,
    weeks: division.weeks,
  };
}

function memberRefOf(row: UnitReportRow): MemberRef | null {
  if (row.level === 'consultant')
    return row.id === null ? null : { kind: 'consultant', consultantId: row.id };
  return row.id === null ? null : { kind: 'specialty', id: row.id, code: row.key, name: row.name };
}

/**
 * The categories whose patients or cases per session a review of clinics and lists together shows apart: those the
 * unit held sessions in (as the dashboards' headline), or both when it held none (each then shows no figure).
 */
function headlineCategoriesOf(row: UnitReportRow | null): AgendaCategory[] {
  const held = row ? categoriesHeld(row) : [];
  return held.length > 0 ? held : ['clinic', 'list'];
}

/** Each category's own figure from a row's, for the categories shown apart (none: undefined, as before). */
function byCategory(
  categories: readonly AgendaCategory[],
  figureOf: (category: AgendaCategory) => number | null,
): Partial<Record<AgendaCategory, number | null>> | undefined {
  if (categories.length === 0) return undefined;
  return Object.fromEntries(categories.map((category) => [category, figureOf(category)]));
}

function toAgendaMember(
  member: MemberRef,
  row: UnitReportRow,
  categories: readonly AgendaCategory[],
): AgendaMember<MemberRef> {
  const casesPerSessionByCategory = byCategory(
    categories,
    (category) => row.perSessionByCategory[category]?.casesPerSession ?? null,
  );
  return {
    member,
    fulfilmentNet: row.fulfilmentNet,
    totalDelivery: row.totalDelivery,
    casesPerSession: row.casesPerSession,
    ...(casesPerSessionByCategory ? { casesPerSessionByCategory } : {}),
    lostSessions: row.lostSessions,
    opportunityPerWeek: row.opportunityPerWeek,
  };
}

function toTrendPoint(
  point: SeriesPoint,
  categories: readonly AgendaCategory[],
  categoryTrends: ReadonlyMap<AgendaCategory, readonly SeriesPoint[]>,
): AgendaTrendPoint {
  const casesPerSessionByCategory = byCategory(
    categories,
    (category) =>
      categoryTrends.get(category)?.find((own) => own.from === point.from)?.casesPerSession ?? null,
  );
  return {
    from: point.from,
    to: point.to,
    fulfilmentNet: point.fulfilmentNet,
    totalDelivery: point.totalDelivery,
    casesPerSession: point.casesPerSession,
    ...(casesPerSessionByCategory ? { casesPerSessionByCategory } : {}),
    patientsPerWeek: point.patientsPerWeek,
  };
}

/**
 * One category's patients or cases per session, with the Making Data Count icons of that category's own weekly
 * series, against the specialty's target for the category when its benchmark is a configured target (as the
 * dashboards compare it). A division's specialties have targets of their own: none for it.
 */
function perSessionHeadline(
  category: AgendaCategory,
  row: UnitReportRow | null,
  trend: readonly SeriesPoint[],
): AgendaMetric {
  const definition = getMetric('casesPerSession');
  const benchmark = row?.benchmarks?.[category];
  const target = benchmark?.source === 'target' ? benchmark.value : null;
  const points = trend.map((point) => ({ x: point.from, y: point.casesPerSession }));
  const present = points.filter((point) => point.y !== null).length;
  const spc =
    present >= 2 ? computeSpc(points, { improvementDirection: definition.direction, target }) : null;
  return {
    metricId: 'casesPerSession',
    category,
    label: PER_SESSION_LABELS[category],
    unit: definition.unit,
    value: row?.perSessionByCategory[category]?.casesPerSession ?? null,
    target,
    targetSource:
      target === null
        ? null
        : 'Trust target for the specialty’s patients or cases per session in this category',
    variation: spc?.variation?.icon ?? null,
    assurance: spc?.assurance?.icon ?? null,
  };
}

/** One headline figure with its target and the Making Data Count icons of its weekly series. */
function headlineMetric(
  metricId: (typeof HEADLINE_METRICS)[number],
  row: UnitReportRow | null,
  trend: readonly SeriesPoint[],
  parameterTarget: number | null,
): AgendaMetric {
  const definition = getMetric(metricId);
  const target = parameterTarget ?? definition.defaultTarget?.value ?? null;
  const points = trend.map((point) => ({ x: point.from, y: point[metricId] }));
  const present = points.filter((point) => point.y !== null).length;
  const spc =
    present >= 2 ? computeSpc(points, { improvementDirection: definition.direction, target }) : null;
  return {
    metricId,
    label: definition.label,
    unit: definition.unit,
    value: row ? row[metricId] : null,
    target,
    targetSource:
      parameterTarget !== null
        ? 'Trust parameter “fulfilment target”'
        : (definition.defaultTarget?.source ?? null),
    variation: spc?.variation?.icon ?? null,
    assurance: spc?.assurance?.icon ?? null,
  };
}

/**
 * Each member's fulfilment on a funnel plot (delivered ÷ expected net, a proportion: delivery above expectation
 * is capped at 100%), with the limits at its own denominator. Needs two members with expected sessions.
 */
function fulfilmentFunnel(rows: readonly UnitReportRow[]): {
  centre: number | null;
  points: AgendaFunnelPoint<MemberRef>[];
} {
  const kept = rows.flatMap((row) => {
    const member = memberRefOf(row);
    return member && row.expectedNet > 0 ? [{ row, member }] : [];
  });
  if (kept.length < 2) return { centre: null, points: [] };
  const result = computeFunnel(
    kept.map(({ row }, index) => ({
      id: String(index),
      numerator: Math.min(row.delivered, row.expectedNet),
      denominator: row.expectedNet,
    })),
    { type: 'proportion' },
  );
  const byId = new Map(result.units.map((unit) => [unit.id, unit]));
  return {
    centre: result.target,
    points: kept.flatMap(({ member }, index) => {
      const unit = byId.get(String(index));
      if (!unit) return [];
      const limits =
        result.outlierBasis === 'unadjusted'
          ? unit.unadjustedLimits
          : result.outlierBasis
            ? unit.adjustedLimits
            : null;
      return [
        {
          member,
          numerator: unit.numerator,
          denominator: unit.denominator,
          value: unit.value,
          limits95: limits ? { lower: limits.lower95, upper: limits.upper95 } : null,
          limits998: limits ? { lower: limits.lower998, upper: limits.upper998 } : null,
          outlierDirection: unit.outlierDirection,
        },
      ];
    }),
  };
}

/** Rows in the order of the unit's consultants (by name), keeping each one's own order (date, then id). */
function byPerson<Row extends { member: MemberRef }>(
  rows: readonly Row[],
  people: readonly AgendaPerson[],
): Row[] {
  const position = new Map(people.map((person, index) => [person.id, index]));
  const rank = (row: Row) =>
    row.member.kind === 'consultant' ? (position.get(row.member.consultantId) ?? -1) : -1;
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => rank(a.row) - rank(b.row) || a.index - b.index)
    .map(({ row }) => row);
}
