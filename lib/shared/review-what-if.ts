/**
 * The what-if panel of a review (job-plan review support): the effect on fulfilment, total delivery, workload flags
 * and patients a week of moving sessions between consultants, or of changing what a consultant's sessions are
 * templated for, before anyone agrees it. Pure: it works on the period's figures the metrics already give.
 *
 * Assumptions, stated with every answer:
 * - moving n sessions a week moves n × weeks expected sessions (net of leave) from one consultant to another;
 * - the giver loses them at their own fulfilment (a consultant who delivers 80% of their sessions loses 0.8 each),
 *   and their patients at their own cases per session;
 * - the receiver delivers them at their own fulfilment and cases per session (capped at 100%);
 * - a new template output changes the consultant's cases per session on every session they hold.
 */

export interface WhatIfConsultant {
  id: number;
  name: string;
  expectedNet: number;
  delivered: number;
  additional: number;
  heldSessions: number;
  patients: number;
}

export type WhatIfChange =
  | { kind: 'move'; fromConsultantId: number; toConsultantId: number; sessionsPerWeek: number }
  | { kind: 'output'; consultantId: number; casesPerSession: number };

export interface WhatIfFigures {
  expectedNet: number;
  delivered: number;
  fulfilment: number | null;
  totalDelivery: number | null;
  patientsPerWeek: number | null;
  flag: 'over' | 'under' | null;
}

export interface WhatIfResult {
  consultants: { id: number; name: string; before: WhatIfFigures; after: WhatIfFigures }[];
  unit: { before: WhatIfFigures; after: WhatIfFigures };
  /** Changes that could not be applied, and why (an unknown consultant, more sessions than they have). */
  problems: string[];
  assumptions: string[];
}

export const WHAT_IF_ASSUMPTIONS = [
  'Moving n sessions a week moves n × the weeks of the period expected sessions (net of leave).',
  'The giver loses them at their own fulfilment and cases per session.',
  'The receiver delivers them at their own fulfilment (at most 100%) and cases per session.',
  'A new template output applies to every session the consultant holds.',
];

interface Working extends WhatIfConsultant {
  patientsChanged: number;
}

const ratio = (numerator: number, denominator: number) => (denominator > 0 ? numerator / denominator : null);

function figures(
  row: WhatIfConsultant,
  weeks: number,
  thresholds: { over: number; under: number },
): WhatIfFigures {
  const totalDelivery = ratio(row.delivered + row.additional, row.expectedNet);
  return {
    expectedNet: row.expectedNet,
    delivered: row.delivered,
    fulfilment: ratio(row.delivered, row.expectedNet),
    totalDelivery,
    patientsPerWeek: ratio(row.patients, weeks),
    flag:
      totalDelivery === null
        ? null
        : totalDelivery >= thresholds.over
          ? 'over'
          : totalDelivery < thresholds.under
            ? 'under'
            : null,
  };
}

/** The unit's figures are sums over its consultants (ratios of sums). */
function total(rows: readonly WhatIfConsultant[]): WhatIfConsultant {
  const sum = (pick: (row: WhatIfConsultant) => number) => rows.reduce((acc, row) => acc + pick(row), 0);
  return {
    id: 0,
    name: 'Unit',
    expectedNet: sum((row) => row.expectedNet),
    delivered: sum((row) => row.delivered),
    additional: sum((row) => row.additional),
    heldSessions: sum((row) => row.heldSessions),
    patients: sum((row) => row.patients),
  };
}

export function computeWhatIf(
  consultants: readonly WhatIfConsultant[],
  changes: readonly WhatIfChange[],
  options: { weeks: number; thresholds: { over: number; under: number } },
): WhatIfResult {
  const after = new Map<number, Working>(consultants.map((row) => [row.id, { ...row, patientsChanged: 0 }]));
  const problems: string[] = [];
  const fulfilmentOf = (row: Working) => Math.min(1, ratio(row.delivered, row.expectedNet) ?? 0);
  const casesOf = (row: Working) => ratio(row.patients, row.heldSessions) ?? 0;
  for (const change of changes) {
    if (change.kind === 'output') {
      const row = after.get(change.consultantId);
      if (!row) {
        problems.push(`Consultant ${change.consultantId} is not in this unit.`);
        continue;
      }
      row.patients = row.heldSessions * change.casesPerSession;
      continue;
    }
    const from = after.get(change.fromConsultantId);
    const to = after.get(change.toConsultantId);
    if (!from || !to || from === to) {
      problems.push('A move needs two different consultants of this unit.');
      continue;
    }
    const moved = change.sessionsPerWeek * options.weeks;
    if (moved > from.expectedNet + 1e-9) {
      problems.push(
        `${from.name} has ${(from.expectedNet / options.weeks).toFixed(1)} expected sessions a week in the period, fewer than the ${change.sessionsPerWeek} a week to move (${from.expectedNet.toFixed(1)} against ${moved.toFixed(1)} over the period’s ${options.weeks.toFixed(1)} weeks).`,
      );
      continue;
    }
    const lost = moved * fulfilmentOf(from);
    const gained = moved * fulfilmentOf(to);
    const lostPatients = lost * casesOf(from);
    const gainedPatients = gained * casesOf(to);
    from.expectedNet -= moved;
    from.delivered -= lost;
    from.heldSessions -= lost;
    from.patients -= lostPatients;
    to.expectedNet += moved;
    to.delivered += gained;
    to.heldSessions += gained;
    to.patients += gainedPatients;
  }
  const rows = consultants.map((row) => {
    const changed = after.get(row.id) as Working;
    return {
      id: row.id,
      name: row.name,
      before: figures(row, options.weeks, options.thresholds),
      after: figures(changed, options.weeks, options.thresholds),
    };
  });
  return {
    consultants: rows,
    unit: {
      before: figures(total(consultants), options.weeks, options.thresholds),
      after: figures(total([...after.values()]), options.weeks, options.thresholds),
    },
    problems,
    assumptions: WHAT_IF_ASSUMPTIONS,
  };
}
