import { ACTION_STATUS_LABELS, type ActionStatus } from '@/lib/shared/action-status';
import { METRIC_CHOICES } from '@/lib/shared/metrics';

/** One event of an action's history as stored: created (its first fields), updated (fields before and after). */
export interface ActionEventRecord {
  kind: string;
  changes: unknown;
  note: string | null;
}

type Change = { from: unknown; to: unknown };

/** The fields a change can touch, in the order a reader wants them (jsonb keeps its keys in its own order). */
const FIELD_LABELS: Record<string, string> = {
  status: 'Status',
  dueOn: 'Due',
  ownerUserId: 'Owner',
  title: 'Title',
  metricId: 'Figure',
};

const ukDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** A field's value in words: a status's label, a date dd/mm/yyyy, an owner's name, a figure's label. */
function describeValue(field: string, value: unknown, names: ReadonlyMap<number, string>): string {
  if (value === null || value === undefined || value === '') return 'none';
  if (field === 'status') return ACTION_STATUS_LABELS[value as ActionStatus] ?? String(value);
  if (field === 'dueOn') return ukDate(String(value));
  if (field === 'ownerUserId') return names.get(Number(value)) ?? `user ${String(value)}`;
  if (field === 'metricId')
    return METRIC_CHOICES.find((metric) => metric.id === value)?.label ?? String(value);
  return String(value);
}

/** The user ids an action's history mentions as owners, so that their names can be looked up at once. */
export function ownerIdsIn(events: readonly ActionEventRecord[]): number[] {
  return events.flatMap((event) => {
    const changes = (event.changes ?? {}) as Record<string, unknown>;
    const owner = changes.ownerUserId;
    if (typeof owner === 'number') return [owner];
    if (owner && typeof owner === 'object') {
      const { from, to } = owner as Change;
      return [from, to].filter((id): id is number => typeof id === 'number');
    }
    return [];
  });
}

/** What an event did, in words: "Status: Open → In progress; Due: none → 31/03/2026". */
export function describeActionEvent(event: ActionEventRecord, names: ReadonlyMap<number, string>): string {
  const changes = (event.changes ?? {}) as Record<string, unknown>;
  if (event.kind === 'created') {
    const owner = describeValue('ownerUserId', changes.ownerUserId, names);
    const due = describeValue('dueOn', changes.dueOn, names);
    return `Created, owned by ${owner}, due ${due}.`;
  }
  if (event.kind === 'updated') {
    return `${Object.keys(FIELD_LABELS)
      .filter((field) => field in changes)
      .map((field) => {
        const { from, to } = changes[field] as Change;
        return `${FIELD_LABELS[field]}: ${describeValue(field, from, names)} → ${describeValue(field, to, names)}`;
      })
      .join('; ')}.`;
  }
  return 'Note added.';
}
