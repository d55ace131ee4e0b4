import { formatMetricValue } from '@/components/charts/format-value';
import { getMetric } from '@/lib/shared/metrics';
import { type ActivityOption, describePeriod } from '@/lib/shared/periods';
import type { Scope } from '@/lib/shared/scope';
import { loadTrustBaseline, loadTrustOverview, loadTrustWeekly, SPC_WEEKS } from './load-overview';
import { MetricTile } from './metric-tile';
import { spcIconsOf } from './spc-summary';

interface Props {
  scope: Scope;
  from: string;
  to: string;
  activity: ActivityOption;
}

/** The six headline figures for the caller's part of the trust, each with SPC icons and a sparkline. */
export async function HeadlineTiles({ scope, from, to, activity }: Props) {
  const [overview, weekly, baseline] = await Promise.all([
    loadTrustOverview(scope, from, to, activity),
    loadTrustWeekly(scope, to, activity),
    loadTrustBaseline(scope, from, to, activity),
  ]);
  const trust = overview.trust;
  if (!trust) return null;
  const target = overview.specialties.parameters.fulfilmentTarget;
  const periodText = `${describePeriod({ from, to })}`;
  const spcNote = `SPC icons and trend: the ${SPC_WEEKS} weeks to ${describePeriod({ from: to, to }).slice(0, 10)}`;
  const series = (pick: (point: (typeof weekly)[number]) => number | null) =>
    weekly.map((point) => ({ from: point.from, value: pick(point) }));
  const values = (pick: (point: (typeof weekly)[number]) => number | null) => weekly.map(pick);
  const baselinePerWeek = baseline.row?.patientsPerWeek ?? null;
  const change =
    baselinePerWeek && trust.patientsPerWeek !== null
      ? (trust.patientsPerWeek - baselinePerWeek) / baselinePerWeek
      : null;

  return (
    <div className="mb-8 grid gap-4 sm:grid-cols-2 lg:grid-cols-3" data-testid="headline-tiles">
      <MetricTile
        metricId="fulfilmentNet"
        label={getMetric('fulfilmentNet').label}
        value={formatMetricValue('ratio', trust.fulfilmentNet)}
        detail={
          <>
            Gross:{' '}
            <span data-testid="tile-fulfilmentGross">
              {formatMetricValue('ratio', trust.fulfilmentGross)}
            </span>{' '}
            · target {formatMetricValue('ratio', target)}
          </>
        }
        periodText={periodText}
        {...spcIconsOf(
          'fulfilmentNet',
          series((point) => point.fulfilmentNet),
          target,
        )}
        sparkline={values((point) => point.fulfilmentNet)}
        spcNote={spcNote}
      />
      <MetricTile
        metricId="casesPerSession"
        label={getMetric('casesPerSession').label}
        value={formatMetricValue('patientsPerSession', trust.casesPerSession)}
        detail={`${formatMetricValue('count', trust.patients)} patients or cases in ${formatMetricValue('sessions', trust.heldSessions)} held sessions`}
        periodText={periodText}
        {...spcIconsOf(
          'casesPerSession',
          series((point) => point.casesPerSession),
        )}
        sparkline={values((point) => point.casesPerSession)}
        spcNote={spcNote}
      />
      <MetricTile
        metricId="lostSessions"
        label={getMetric('lostSessions').label}
        value={formatMetricValue('sessions', trust.lostSessions)}
        detail={`${formatMetricValue('sessions', trust.lost.hospitalCancelled)} cancelled by the hospital, ${formatMetricValue('sessions', trust.lost.notScheduled)} not scheduled`}
        periodText={periodText}
        {...spcIconsOf(
          'lostSessions',
          series((point) => point.lostSessions),
        )}
        sparkline={values((point) => point.lostSessions)}
        spcNote={spcNote}
      />
      <MetricTile
        metricId="additional"
        label={getMetric('additional').label}
        value={formatMetricValue('sessions', trust.additional)}
        detail={`Beside ${formatMetricValue('sessions', trust.delivered)} delivered of ${formatMetricValue('sessions', trust.expectedNet)} expected`}
        periodText={periodText}
        {...spcIconsOf(
          'additional',
          series((point) => point.additional),
        )}
        sparkline={values((point) => point.additional)}
        spcNote={spcNote}
      />
      <MetricTile
        metricId="opportunityTotal"
        label="Opportunity (patients a week)"
        value={formatMetricValue('patientsPerWeek', trust.opportunityPerWeek.total)}
        detail={`Fulfilment ${formatMetricValue('patientsPerWeek', trust.opportunityPerWeek.fulfilment)} + productivity ${formatMetricValue('patientsPerWeek', trust.opportunityPerWeek.productivity)}`}
        periodText={periodText}
        variation={null}
        assurance={null}
        sparkline={[]}
        spcNote="Opportunity is judged over the whole period (no weekly series)."
      />
      <MetricTile
        metricId="patientsPerWeek"
        label={getMetric('patientsPerWeek').label}
        value={formatMetricValue('patientsPerWeek', trust.patientsPerWeek)}
        detail={
          baselinePerWeek === null ? (
            'No baseline: the extracts do not cover the same period a year earlier.'
          ) : (
            <>
              Baseline {formatMetricValue('patientsPerWeek', baselinePerWeek)} (
              {describePeriod(baseline.period)}):{' '}
              <a href="/definitions#baselineChange">
                {change === null ? '–' : `${change >= 0 ? '+' : ''}${formatMetricValue('ratio', change)}`}
              </a>
            </>
          )
        }
        periodText={periodText}
        {...spcIconsOf(
          'patientsPerWeek',
          series((point) => point.patientsPerWeek),
        )}
        sparkline={values((point) => point.patientsPerWeek)}
        spcNote={spcNote}
      />
    </div>
  );
}
