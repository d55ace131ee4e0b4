import type { CasesPerSessionInput, FunnelUnitInput } from '@/lib/shared/stats';

interface FunnelSourceRow {
  key: string;
  name: string;
  delivered: number;
  expectedNet: number;
  patients: number;
  heldSessions: number;
}

/**
 * Units of a fulfilment funnel (a proportion: delivered ÷ expected net). Units with no expected sessions are left
 * out; delivery above expectation (sessions held during leave) is capped at 100%, as a proportion must be.
 */
export function fulfilmentFunnelUnits(rows: readonly FunnelSourceRow[]): {
  units: FunnelUnitInput[];
  labels: Map<string, string>;
} {
  const kept = rows.filter((row) => row.expectedNet > 0);
  return {
    units: kept.map((row) => ({
      id: row.key,
      numerator: Math.min(row.delivered, row.expectedNet),
      denominator: row.expectedNet,
    })),
    labels: new Map(kept.map((row) => [row.key, row.name])),
  };
}

/** Units of a cases-per-session funnel: those with held sessions. */
export function casesPerSessionFunnelRows(
  rows: readonly Pick<FunnelSourceRow, 'key' | 'patients' | 'heldSessions'>[],
): CasesPerSessionInput[] {
  return rows
    .filter((row) => row.heldSessions > 0)
    .map((row) => ({ id: row.key, cases: row.patients, sessions: row.heldSessions }));
}
