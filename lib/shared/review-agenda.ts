import { type ActivityCategory, PER_SESSION_LABELS } from './per-session';
import type { AssuranceIcon, VariationIcon } from './stats';

/*
 * The standardised review agenda, the same for every specialty (and division): what a meeting's snapshot freezes
 * and what a meeting page shows. Stored with consultant ids (FrozenAgenda); each reader gets it with consultants as
 * they may see them (AgendaView): named, under their pseudonym, or left out.
 */

export type ReviewUnitLevel = 'specialty' | 'division';
export type ReviewActivity = 'clinic' | 'list' | 'all';
/** An activity category: patients or cases per session are compared within one (the metric dictionary). */
export type AgendaCategory = ActivityCategory;

/** A specialty or division someone may review. */
export interface ReviewableUnit {
  level: ReviewUnitLevel;
  id: number;
  code: string;
  name: string;
}

export interface AgendaUnit {
  level: ReviewUnitLevel;
  id: number;
  code: string;
  name: string;
  divisionId: number;
}

/** A consultant as stored in the snapshot (never sent as such to a reader). */
export interface AgendaPerson {
  id: number;
  gmcNumber: string;
  name: string;
  specialtyId: number;
  /** The specialty's name (absent from snapshots taken before it was stored). */
  specialtyName?: string;
  divisionId: number;
}

/** Who or what a row is about: a consultant (by id, in the snapshot) or a specialty (in a division's review). */
export type MemberRef =
  | { kind: 'consultant'; consultantId: number }
  | { kind: 'specialty'; id: number; code: string; name: string };

/** A consultant or specialty as the reader sees it: consultants anonymised where they must be. */
export type MemberView =
  | { kind: 'consultant'; consultantId: number | null; key: string; name: string; isAnonymised: boolean }
  | { kind: 'specialty'; id: number; code: string; name: string };

export interface AgendaMetric {
  metricId: string;
  label: string;
  unit: string;
  value: number | null;
  target: number | null;
  targetSource: string | null;
  variation: VariationIcon | null;
  assurance: AssuranceIcon | null;
  /**
   * Patients or cases per session with clinics and lists together: the category this figure is of (one figure per
   * category held, as the dashboards show them). Absent otherwise, and in snapshots frozen before the categories were
   * shown apart, whose single figure mixes clinics' patients with lists' cases (`isCombinedPerSession`).
   */
  category?: AgendaCategory;
}

/** The unit's patients a week over the same period a year earlier (null: the extracts do not cover all of it). */
export interface AgendaBaseline {
  period: { from: string; to: string };
  patientsPerWeek: number | null;
}

export interface AgendaTrendPoint {
  from: string;
  to: string;
  fulfilmentNet: number | null;
  totalDelivery: number | null;
  casesPerSession: number | null;
  /** With clinics and lists together, each category's own patients or cases per session (absent in older snapshots). */
  casesPerSessionByCategory?: Partial<Record<AgendaCategory, number | null>>;
  patientsPerWeek: number | null;
}

export interface AgendaFunnelPoint<M> {
  member: M;
  numerator: number;
  denominator: number;
  value: number;
  limits95: { lower: number; upper: number } | null;
  limits998: { lower: number; upper: number } | null;
  outlierDirection: 'high' | 'low' | null;
}

export interface AgendaMember<M> {
  member: M;
  fulfilmentNet: number | null;
  totalDelivery: number | null;
  /** With clinics and lists together this mixes the two: compare members on `casesPerSessionByCategory`. */
  casesPerSession: number | null;
  /** With clinics and lists together, each category's own patients or cases per session (absent in older snapshots). */
  casesPerSessionByCategory?: Partial<Record<AgendaCategory, number | null>>;
  lostSessions: number;
  opportunityPerWeek: { fulfilment: number; productivity: number; total: number };
}

export interface AgendaWorkloadRow<M> {
  member: M;
  months: { from: string; to: string; totalDelivery: number | null }[];
  flag: 'over' | 'under' | null;
  /**
   * In a division's meeting, the consultant's specialty as the reader may see it: null where it would say who an
   * anonymised consultant is (disclose-agenda.ts). Absent in the snapshot and in a specialty's meeting.
   */
  specialty?: string | null;
}

export type ForReviewRule = 'low_fulfilment' | 'high_total_delivery';

export interface AgendaForReview<M> {
  member: M;
  rule: ForReviewRule;
  /** Consecutive complete months the rule has held, ending with `month`. */
  months: number;
  month: string;
  /** In a division's meeting, the consultant's specialty as the reader may see it (as `AgendaWorkloadRow`'s). */
  specialty?: string | null;
}

export interface AgendaAnnotation<M> {
  id: number;
  member: M;
  sessionDate: string | null;
  sessionPeriod: string | null;
  weekStart: string | null;
  metricId: string | null;
  text: string;
  /** Null when the reader may not see who wrote it. */
  authorName: string | null;
  createdAt: string;
}

export interface AgendaChallenge<M> {
  id: number;
  member: M;
  sessionDate: string | null;
  weekStart: string | null;
  metricId: string | null;
  reason: string;
  status: 'open' | 'accepted' | 'explained';
  resolution: string | null;
  correctionNote: string | null;
  raisedAt: string;
  resolvedAt: string | null;
}

export interface AgendaAction<M> {
  id: number;
  title: string;
  status: 'open' | 'in_progress' | 'done' | 'dropped';
  dueOn: string | null;
  isOverdue: boolean;
  ownerUserId: number | null;
  /** Null when the reader may not see who owns it. */
  ownerName: string | null;
  member: M | null;
  specialtyId: number | null;
  metricId: string | null;
  meetingId: number | null;
  createdAt: string;
  closedAt: string | null;
}

export interface Agenda<M> {
  version: 1;
  unit: AgendaUnit;
  period: { from: string; to: string };
  activity: ReviewActivity;
  takenAt: string;
  /** The part of the period the extracts covered when the numbers were taken. */
  coveredPeriod: { from: string; to: string } | null;
  weeks: number;
  parameters: {
    fulfilmentTarget: number;
    reviewFulfilmentBelow: number;
    reviewTotalDeliveryAbove: number;
    reviewMonths: number;
  };
  headline: AgendaMetric[];
  /**
   * Patients (or cases) a week in the same weeks a year earlier, beside the headline's patients per week. Absent in
   * snapshots frozen before it was taken.
   */
  baseline?: AgendaBaseline;
  trend: AgendaTrendPoint[];
  funnel: { basis: 'consultant' | 'specialty'; centre: number | null; points: AgendaFunnelPoint<M>[] };
  lostSessions: {
    byOutcome: {
      hospitalCancelled: number;
      notScheduled: number;
      leaveAdequateNotice: number;
      leaveShortNotice: number;
      sickness: number;
    };
    byReason: { reason: string; sessions: number }[];
  };
  members: AgendaMember<M>[];
  workload: { window: { from: string; to: string } | null; rows: AgendaWorkloadRow<M>[] };
  opportunities: { total: number; rows: AgendaMember<M>[] };
  forReview: AgendaForReview<M>[];
  annotations: AgendaAnnotation<M>[];
  challenges: AgendaChallenge<M>[];
  /** Actions from the unit's earlier reviews still open, or closed since the last one, with their status. */
  actionsCarriedForward: AgendaAction<M>[];
  /** Actions agreed in this meeting. */
  newActions: AgendaAction<M>[];
}

/** The agenda as stored in the snapshot, with the consultants it names. */
export type FrozenAgenda = Agenda<MemberRef> & { people: AgendaPerson[] };
/** The agenda as one reader may see it. */
export type AgendaView = Agenda<MemberView>;

/** The agenda's screens, in order: one topic each on the projector. */
export const AGENDA_TOPICS = [
  'headline',
  'trend',
  'funnel',
  'lostSessions',
  'workload',
  'opportunities',
  'annotations',
  'actionsCarriedForward',
  'newActions',
] as const;

/** A headline figure's key: its metric, and its category when it is one category's figure. */
export function headlineKey(metric: Pick<AgendaMetric, 'metricId' | 'category'>): string {
  return metric.category ? `${metric.metricId}:${metric.category}` : metric.metricId;
}

/**
 * Whether a headline figure is patients or cases per session of clinics and lists together, as snapshots frozen
 * before the categories were shown apart hold it: a mixed figure, to be labelled as such.
 */
export function isCombinedPerSession(
  metric: Pick<AgendaMetric, 'metricId' | 'category'>,
  activity: ReviewActivity,
): boolean {
  return metric.metricId === 'casesPerSession' && activity === 'all' && metric.category === undefined;
}

/** The label of an older snapshot's mixed figure (`isCombinedPerSession`). */
export const COMBINED_PER_SESSION_LABEL = 'Patients or cases per session, clinics and lists combined';

/** The categories whose patients or cases per session the headline shows apart, in its order (none: not apart). */
export function headlineCategories(agenda: Pick<Agenda<unknown>, 'headline'>): AgendaCategory[] {
  return agenda.headline.flatMap((metric) => (metric.category ? [metric.category] : []));
}

/** A figure with its patients or cases per session, and each category's own when shown apart. */
type PerSessionFigures = Pick<AgendaMember<unknown>, 'casesPerSession' | 'casesPerSessionByCategory'>;

/**
 * The patients or cases per session columns of the agenda's tables (a week, a member): one per category where the
 * headline shows them apart; otherwise the one figure, which an older snapshot of clinics and lists together
 * mixes (labelled as such).
 */
export function perSessionColumns(
  agenda: Pick<Agenda<unknown>, 'headline' | 'activity'>,
): { label: string; valueOf: (figures: PerSessionFigures) => number | null }[] {
  const categories = headlineCategories(agenda);
  if (categories.length > 0) {
    return categories.map((category) => ({
      label: PER_SESSION_LABELS[category],
      valueOf: (figures) => figures.casesPerSessionByCategory?.[category] ?? null,
    }));
  }
  return [
    {
      label: agenda.activity === 'all' ? COMBINED_PER_SESSION_LABEL : PER_SESSION_LABELS[agenda.activity],
      valueOf: (figures) => figures.casesPerSession,
    },
  ];
}
