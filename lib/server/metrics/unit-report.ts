import type { Scope } from '@/lib/shared/scope';
import type { Database } from '../db';
import { type Benchmark, benchmarkKey, getBenchmarks } from './benchmarks';
import { categoriesOf, coveredPeriod, coveredWeeks, getMetricContext, type MetricContext } from './context';
import {
  type CategoryPerSession,
  deriveSessionMetrics,
  type Opportunity,
  opportunityOf,
  perSessionByCategoryOf,
  type SessionMetrics,
} from './derive';
import { type Disclosure, planDisclosure, unitIdOf } from './disclosure';
import { addSums, emptySums, getLedgerSums, type LedgerSums, type LedgerSumsRow } from './ledger-sums';
import type { ActivityFilter, Period } from './period';
import type { UnitFilter, UnitLevel } from './scope-sql';
import { type ConsultantUnit, getConsultantUnits } from './units';

export interface UnitReportRequest {
  level: UnitLevel;
  period: Period;
  activity: ActivityFilter;
  /** Only this unit's consultants (e.g. one specialty's consultant table). */
  within?: UnitFilter;
}

export interface UnitReportRow extends SessionMetrics {
  level: UnitLevel;
  /** GMC number, specialty code, division code or organisation code; a pseudonym for an anonymised consultant. */
  key: string;
  name: string;
  /** Null for an anonymised consultant. */
  id: number | null;
  isAnonymised: boolean;
  /** The units above it (for consultants and specialties). */
  specialty?: { id: number; code: string; name: string };
  division?: { id: number; code: string; name: string };
  consultants: number;
  opportunityPerWeek: Opportunity & { total: number };
  /** The benchmark each category's productivity opportunity used (consultant and specialty rows). */
  benchmarks?: Partial<Record<'clinic' | 'list', { value: number; source: Benchmark['source'] } | null>>;
  /** Patients (clinics) or cases (lists) per held session for each category the request covers: the registry
   * defines the ratio within one category, so comparisons across consultants use these, not the mixed figure. */
  perSessionByCategory: Partial<Record<'clinic' | 'list', CategoryPerSession>>;
}

export interface UnitReport {
  level: UnitLevel;
  period: Period;
  activity: ActivityFilter;
  /** The part of the period the extracts cover (null: none of it). */
  coveredPeriod: Period | null;
  weeks: number;
  parameters: MetricContext['parameters'];
  rows: UnitReportRow[];
}

interface UnitAccumulator {
  unit: Pick<UnitReportRow, 'level' | 'key' | 'name' | 'id' | 'isAnonymised' | 'specialty' | 'division'>;
  sums: LedgerSums;
  sumsByCategory: Partial<Record<'clinic' | 'list', LedgerSums>>;
  opportunity: Opportunity;
  consultants: number;
}

/**
 * Metrics for every unit at one level (consultants, specialties, divisions or the trust) over a period, for the
 * caller's scope. Sums come from the ledger per consultant and category; ratios are ratios of those sums;
 * opportunity is settled per consultant and category and then summed.
 */
export async function getUnitReport(
  database: Database,
  scope: Scope,
  request: UnitReportRequest,
): Promise<UnitReport> {
  const contextRead = getMetricContext(database, scope.organisationId);
  const consultantsRead = getConsultantUnits(database, scope, request.level, request.within);
  // The benchmarks need only the consultants' specialties: read them while the sums are being read.
  const benchmarksRead = Promise.all([contextRead, consultantsRead]).then(([context, consultants]) =>
    getBenchmarks(
      database,
      scope.organisationId,
      [...new Set(consultants.map((consultant) => consultant.specialtyId))],
      request.period,
      context.parameters.benchmarkMinHeldSessions,
    ),
  );
  const [context, consultants, sumsRows, benchmarks] = await Promise.all([
    contextRead,
    consultantsRead,
    getLedgerSums(database, scope, {
      level: 'consultant',
      scopeLevel: request.level,
      period: request.period,
      activity: request.activity,
      bucket: 'period',
      unit: request.within,
    }),
    benchmarksRead,
  ]);
  const { parameters, coverage } = context;
  const disclosure = await planDisclosure(database, scope, request.level, consultants);
  const sumsByConsultant = groupBy(sumsRows, (row) => row.unitId);
  const weeksByCategory = Object.fromEntries(
    categoriesOf(request.activity).map((category) => [
      category,
      coveredWeeks(coverage, request.period, category),
    ]),
  ) as Record<'clinic' | 'list', number>;
  const weeks = coveredWeeks(coverage, request.period, request.activity);

  const units = new Map<number, UnitAccumulator>();
  for (const consultant of consultants) {
    const unit = unitOf(request.level, consultant, disclosure);
    if (unit === null) continue;
    const accumulator = units.get(unitIdOf(request.level, consultant)) ?? {
      unit,
      sums: emptySums(),
      sumsByCategory: Object.fromEntries(
        categoriesOf(request.activity).map((category) => [category, emptySums()]),
      ),
      opportunity: { fulfilment: 0, productivity: 0 },
      consultants: 0,
    };
    accumulator.consultants += 1;
    for (const row of sumsByConsultant.get(consultant.id) ?? []) {
      addSums(accumulator.sums, row);
      const categorySums = accumulator.sumsByCategory[row.category];
      if (categorySums) addSums(categorySums, row);
      const benchmark = benchmarks.get(benchmarkKey(consultant.specialtyId, row.category));
      const opportunity = opportunityOf(row, {
        weeks: weeksByCategory[row.category],
        fulfilmentTarget: parameters.fulfilmentTarget,
        benchmark: benchmark?.value ?? null,
      });
      accumulator.opportunity.fulfilment += opportunity.fulfilment;
      accumulator.opportunity.productivity += opportunity.productivity;
    }
    units.set(unitIdOf(request.level, consultant), accumulator);
  }

  const shown = [...units.entries()]
    .filter(([unitId]) => disclosure.isUnitShown(unitId))
    .map(([, accumulator]) => accumulator)
    // Named rows in the query's order (specialty, name); anonymised ones after them by label, so that their order
    // says nothing about who they are.
    .sort(
      (a, b) =>
        Number(a.unit.isAnonymised) - Number(b.unit.isAnonymised) ||
        (a.unit.isAnonymised ? a.unit.key.localeCompare(b.unit.key) : 0),
    );
  const rows = shown.map(({ unit, sums, sumsByCategory, opportunity, consultants: count }): UnitReportRow => {
    const specialtyId = unit.specialty?.id;
    return {
      ...unit,
      ...deriveSessionMetrics(sums, { weeks, dnaIncludesLateNotSeen: parameters.dnaIncludesLateNotSeen }),
      consultants: count,
      opportunityPerWeek: { ...opportunity, total: opportunity.fulfilment + opportunity.productivity },
      benchmarks:
        specialtyId === undefined
          ? undefined
          : Object.fromEntries(
              categoriesOf(request.activity).map((category) => {
                const benchmark = benchmarks.get(benchmarkKey(specialtyId, category));
                return [category, benchmark ? { value: benchmark.value, source: benchmark.source } : null];
              }),
            ),
      perSessionByCategory: perSessionByCategoryOf(sumsByCategory),
    };
  });
  return {
    level: request.level,
    period: request.period,
    activity: request.activity,
    coveredPeriod: coveredPeriod(coverage, request.period, request.activity),
    weeks,
    parameters,
    rows,
  };
}

function unitOf(
  level: UnitLevel,
  consultant: ConsultantUnit,
  disclosure: Disclosure,
): UnitAccumulator['unit'] | null {
  const specialty = {
    id: consultant.specialtyId,
    code: consultant.specialtyCode,
    name: consultant.specialtyName,
  };
  const division = {
    id: consultant.divisionId,
    code: consultant.divisionCode,
    name: consultant.divisionName,
  };
  switch (level) {
    case 'consultant': {
      const identity = disclosure.identityOf(consultant);
      return identity && { level, ...identity, specialty, division };
    }
    case 'specialty':
      return {
        level,
        id: specialty.id,
        key: specialty.code,
        name: specialty.name,
        isAnonymised: false,
        specialty,
        division,
      };
    case 'division':
      return {
        level,
        id: division.id,
        key: division.code,
        name: division.name,
        isAnonymised: false,
        division,
      };
    case 'trust':
      return {
        level,
        id: consultant.organisationId,
        key: consultant.organisationCode,
        name: consultant.organisationName,
        isAnonymised: false,
      };
  }
}

function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

export type { LedgerSumsRow };
