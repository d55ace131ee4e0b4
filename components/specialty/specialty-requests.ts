import type {
  JobPlanCurrencyRequest,
  ReportRequest,
  SeriesRequest,
  WorkloadBalanceRequest,
} from '@/lib/client/metrics-requests';
import { type PeriodFilter, trendWindow } from '@/lib/shared/periods';

export interface SpecialtyRequests {
  specialty: ReportRequest;
  consultants: ReportRequest;
  weekly: SeriesRequest;
  workload: WorkloadBalanceRequest;
  /** Whose job plan is not current on the period's last day (the table marks them). */
  currency: JobPlanCurrencyRequest;
}

/** What the specialty page asks the metrics engine for, built alike on the server and in the browser. */
export function specialtyRequests(filter: PeriodFilter, specialtyId: number): SpecialtyRequests {
  const { from, to } = filter.period;
  const { activity } = filter;
  const unit = { level: 'specialty', id: specialtyId } as const;
  const weeks = trendWindow(filter.period);
  return {
    specialty: { level: 'specialty', from, to, activity, within: unit },
    consultants: { level: 'consultant', from, to, activity, within: unit },
    weekly: { level: 'specialty', bucket: 'week', from: weeks.from, to: weeks.to, activity, unit },
    workload: { from, to, activity, within: unit },
    currency: { asOf: to, within: unit },
  };
}
