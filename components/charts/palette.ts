import type { PointType } from '@/lib/shared/stats';

/**
 * Colours for charts and icons, colour-blind safe (Okabe–Ito based) and consistent with the Making Data Count
 * icons: common cause grey, improvement blue, concern orange, neutral purple. Every colour keeps a 3:1 contrast
 * on white, and no chart relies on colour alone (shapes, labels and the table alternative say the same).
 */
export const SPC_COLOURS = {
  commonCause: '#6b7378',
  improvement: '#0072b2',
  concern: '#c75300',
  neutral: '#6a3d9a',
} as const;

export const LINE_COLOURS = {
  mean: '#212b32',
  limit: '#425563',
  target: '#007f3b',
  series: '#212b32',
} as const;

/** Text of the target's label: NHS dark green (about 12:1 on white), the target line's green darkened for reading. */
export const TARGET_TEXT_COLOUR = '#00401e';

export function pointColour(pointType: PointType | null): string {
  switch (pointType) {
    case 'special_cause_improvement':
      return SPC_COLOURS.improvement;
    case 'special_cause_concern':
      return SPC_COLOURS.concern;
    case 'special_cause_neutral_high':
    case 'special_cause_neutral_low':
      return SPC_COLOURS.neutral;
    default:
      return SPC_COLOURS.commonCause;
  }
}

export const POINT_TYPE_LABELS: Record<PointType, string> = {
  common_cause: 'Common cause',
  special_cause_improvement: 'Special cause: improvement',
  special_cause_concern: 'Special cause: concern',
  special_cause_neutral_high: 'Special cause: high (neither better nor worse)',
  special_cause_neutral_low: 'Special cause: low (neither better nor worse)',
};

/** Lost-session reasons, in stacking order, with their colours (distinct for the common colour-blindnesses). */
export const LOST_REASONS = [
  { key: 'hospitalCancelled', label: 'Cancelled by the hospital', colour: '#c75300' },
  { key: 'notScheduled', label: 'Not scheduled', colour: '#9a6a00' },
  { key: 'leaveShortNotice', label: 'Leave, short notice', colour: '#6a3d9a' },
  { key: 'leaveAdequateNotice', label: 'Leave, adequate notice', colour: '#0072b2' },
  { key: 'sickness', label: 'Sickness', colour: '#4d7d99' },
] as const;

export type LostReasonKey = (typeof LOST_REASONS)[number]['key'];
