import type { LedgerEntry } from '@/lib/server/metrics/ledger-entries';

export type LedgerOutcome = LedgerEntry['outcome'];
export type PlannedOutcome = Exclude<LedgerOutcome, 'additional'>;

/**
 * How each ledger outcome is drawn: Okabe–Ito colours (safe for the common colour-blindnesses) with a symbol in
 * every cell, so that colour is never the only cue. Every symbol keeps 4.5:1 contrast on its fill.
 */
export const OUTCOME_STYLES: Record<
  PlannedOutcome,
  { label: string; symbol: string; fill: string; text: string; metricId: string; pattern?: string }
> = {
  delivered: { label: 'Delivered', symbol: '✓', fill: '#0072b2', text: '#ffffff', metricId: 'delivered' },
  leave_adequate_notice: {
    label: 'Leave, adequate notice',
    symbol: 'L',
    fill: '#56b4e9',
    text: '#000000',
    metricId: 'leaveAdequateNotice',
  },
  leave_short_notice: {
    label: 'Leave, short notice',
    symbol: '!',
    fill: '#cc79a7',
    text: '#000000',
    metricId: 'leaveShortNotice',
  },
  sickness: { label: 'Sickness', symbol: 'S', fill: '#f0e442', text: '#000000', metricId: 'sickness' },
  hospital_cancelled: {
    label: 'Cancelled by the hospital',
    symbol: '×',
    fill: '#d55e00',
    text: '#000000',
    metricId: 'hospitalCancelled',
  },
  not_scheduled: {
    label: 'Not scheduled',
    symbol: '?',
    fill: '#ffffff',
    text: '#000000',
    metricId: 'notScheduled',
    pattern: 'repeating-linear-gradient(45deg, #ffffff 0 4px, #d8dde0 4px 6px)',
  },
};

export const PLANNED_OUTCOMES = Object.keys(OUTCOME_STYLES) as PlannedOutcome[];

export const ADDITIONAL_STYLE = { label: 'Additional session', symbol: '+', border: '#007f3b' } as const;

export const LOST_OUTCOMES: readonly PlannedOutcome[] = [
  'hospital_cancelled',
  'not_scheduled',
  'leave_short_notice',
  'leave_adequate_notice',
  'sickness',
];

export function outcomeLabel(outcome: LedgerOutcome): string {
  return outcome === 'additional' ? ADDITIONAL_STYLE.label : OUTCOME_STYLES[outcome].label;
}

export const CATEGORY_LABELS: Record<'clinic' | 'list', string> = {
  clinic: 'Clinic',
  list: 'Theatre or endoscopy list',
};

const ACTIVITY_TYPE_LABELS: Record<string, string> = {
  outpatient_clinic: 'Outpatient clinic',
  theatre_list: 'Theatre list',
  endoscopy_list: 'Endoscopy list',
  ward_round: 'Ward round',
  mdt: 'MDT',
  spa: 'SPA',
  on_call: 'On call',
  admin: 'Admin',
  other: 'Other',
};

export function activityTypeLabel(type: string | null): string {
  return type === null ? '' : (ACTIVITY_TYPE_LABELS[type] ?? type);
}

export const PERIOD_LABELS: Record<'AM' | 'PM' | 'EVE', string> = { AM: 'AM', PM: 'PM', EVE: 'Evening' };
