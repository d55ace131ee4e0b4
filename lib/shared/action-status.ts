import type { ACTION_STATUSES } from './schemas/reviews';

export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** An action's status in words, in the order an action moves through them. */
export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  open: 'Open',
  in_progress: 'In progress',
  done: 'Done',
  dropped: 'Dropped',
};
