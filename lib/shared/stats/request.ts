/**
 * JSON request adapter for the statistics library (used by `npm run --silent cli -- stats spc|funnel`): validates
 * a request with zod and returns the result object. The request formats are documented in README.md beside this
 * file. The core library stays dependency-free; only this adapter uses zod.
 */

import { z } from 'zod';
import {
  computeCasesPerSessionFunnel,
  computeFunnel,
  type FunnelLimitRow,
  type FunnelOptions,
  type FunnelResult,
  funnelLimitCurve,
} from './funnel';
import { computeSpc, computeSpcFacets, type SpcFacetResult, type SpcOptions, type SpcResult } from './spc';

export type StatsKind = 'spc' | 'funnel';

/** A request that failed validation (or that the statistics rejected), with each problem and its path. */
export class StatsRequestError extends Error {
  readonly issues: { path: string; message: string }[];

  constructor(kind: string, issues: { path: string; message: string }[]) {
    const detail = issues
      .map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message))
      .join('; ');
    super(`Invalid ${kind} request: ${detail}`);
    this.name = 'StatsRequestError';
    this.issues = issues;
  }
}

const finite = z.number().refine(Number.isFinite, 'expected a finite number');
const xValue = z.union([z.string().min(1), finite]);

const spcPoint = z.strictObject({ x: xValue, y: finite.nullable() });

const spcSettings = {
  improvementDirection: z.enum(['increase', 'decrease', 'neutral']).optional(),
  target: finite.nullable().optional(),
  rebaseAt: z.array(xValue).optional(),
  fixAfterN: z
    .number()
    .int()
    .min(12, 'fixAfterN must be at least 12 (as NHSRplotthedots)')
    .nullable()
    .optional(),
  screenOutliers: z.boolean().optional(),
  shortGroupThreshold: z.number().int().min(0).optional(),
};

/** `spc` request: one series (`points`) or several facets (`facets`), plus the chart settings. */
export const spcRequestSchema = z
  .strictObject({
    points: z.array(spcPoint).optional(),
    facets: z
      .array(
        z.strictObject({
          facet: z.string().min(1),
          points: z.array(spcPoint),
          target: finite.nullable().optional(),
          rebaseAt: z.array(xValue).optional(),
        }),
      )
      .min(1)
      .optional(),
    ...spcSettings,
  })
  .refine((request) => (request.points === undefined) !== (request.facets === undefined), {
    message: 'give either points or facets',
  });

const funnelSettings = {
  trimBy: z.number().min(0).lt(0.5).optional(),
  adjusted: z.boolean().optional(),
  unadjusted: z.boolean().optional(),
  /** 99 is accepted for FunnelPlotR's `limit = 99`, which means 99.8%. */
  outlierLevel: z
    .union([z.literal(95), z.literal(99), z.literal(99.8)])
    .transform((level): 95 | 99.8 => (level === 95 ? 95 : 99.8))
    .optional(),
  multiplier: z.number().positive().refine(Number.isFinite, 'expected a finite number').optional(),
  shmiRounding: z.boolean().optional(),
  method: z.enum(['shmi', 'cqc']).optional(),
  /** Also return limit curves for drawing: `true` for the default grid, or the grid's settings. */
  curve: z
    .union([
      z.boolean(),
      z.strictObject({
        from: z.number().positive().optional(),
        to: z.number().positive().optional(),
        points: z.number().int().min(2).max(10000).optional(),
      }),
    ])
    .optional(),
};

const funnelUnit = z.strictObject({
  id: z.string().min(1),
  numerator: finite.min(0),
  denominator: finite.positive(),
});

/** `funnel` request: units with numerator/denominator, or `cases-per-session` units with cases/sessions. */
export const funnelRequestSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.enum(['proportion', 'ratio', 'ratio-of-counts']),
    units: z.array(funnelUnit),
    ...funnelSettings,
  }),
  z.strictObject({
    type: z.literal('cases-per-session'),
    units: z.array(
      z.strictObject({ id: z.string().min(1), cases: finite.min(0), sessions: finite.positive() }),
    ),
    ...funnelSettings,
  }),
]);

export type SpcRequest = z.input<typeof spcRequestSchema>;
export type FunnelRequest = z.input<typeof funnelRequestSchema>;

export type SpcResponse = SpcResult | { facets: SpcFacetResult[] };
export type FunnelResponse = FunnelResult & { pooledRate?: number; curve?: FunnelLimitRow[] };

function parse<T>(kind: string, schema: z.ZodType<T>, request: unknown): T {
  const parsed = schema.safeParse(request);
  if (!parsed.success) {
    throw new StatsRequestError(
      kind,
      parsed.error.issues.map((issue) => ({
        path: issue.path.map(String).join('.'),
        message: issue.message,
      })),
    );
  }
  return parsed.data;
}

/** Runs the statistics, turning their range errors into request errors. */
function guarded<T>(kind: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof RangeError)
      throw new StatsRequestError(kind, [{ path: '', message: error.message }]);
    throw error;
  }
}

function runSpc(request: unknown): SpcResponse {
  const parsed = parse('spc', spcRequestSchema, request);
  const options: SpcOptions = {
    improvementDirection: parsed.improvementDirection,
    target: parsed.target,
    rebaseAt: parsed.rebaseAt,
    fixAfterN: parsed.fixAfterN,
    screenOutliers: parsed.screenOutliers,
    shortGroupThreshold: parsed.shortGroupThreshold,
  };
  const { facets, points } = parsed;
  return guarded('spc', () =>
    facets ? { facets: computeSpcFacets(facets, options) } : computeSpc(points ?? [], options),
  );
}

function runFunnel(request: unknown): FunnelResponse {
  const parsed = parse('funnel', funnelRequestSchema, request);
  const options: Omit<FunnelOptions, 'type'> = {
    method: parsed.method,
    trimBy: parsed.trimBy,
    adjusted: parsed.adjusted,
    unadjusted: parsed.unadjusted,
    outlierLevel: parsed.outlierLevel,
    multiplier: parsed.multiplier,
    shmiRounding: parsed.shmiRounding,
  };
  return guarded('funnel', () => {
    const result: FunnelResponse =
      parsed.type === 'cases-per-session'
        ? computeCasesPerSessionFunnel(parsed.units, options)
        : computeFunnel(parsed.units, { ...options, type: parsed.type });
    if (parsed.curve) result.curve = funnelLimitCurve(result, parsed.curve === true ? {} : parsed.curve);
    return result;
  });
}

/**
 * Validates a JSON request for `kind` ('spc' or 'funnel') and returns the JSON-serialisable result. Throws a
 * {@link StatsRequestError} (an Error with a message naming each problem) on a bad request.
 */
export function runStatsRequest(kind: StatsKind, request: unknown): unknown {
  if (kind === 'spc') return runSpc(request);
  if (kind === 'funnel') return runFunnel(request);
  throw new StatsRequestError(String(kind), [{ path: '', message: "kind must be 'spc' or 'funnel'" }]);
}
