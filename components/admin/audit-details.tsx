import { ROLE_LABELS, ROLES, type Role } from '@/lib/shared/permissions';

/** An audit event's details (any JSON) as short readable lines: "name: Jane Smith → Jane Smith-Jones". */

const isRole = (value: unknown): value is Role => ROLES.includes(value as Role);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (isRecord(value) && typeof value.name === 'string' && Object.keys(value).length <= 3) {
    // A scope such as { kind: 'specialty', id: 4, name: 'Ophthalmology' }.
    return value.name;
  }
  return JSON.stringify(value);
}

export function AuditDetails({ details }: { details: unknown }) {
  if (details === null || details === undefined) return <span className="text-nhs-dark-grey">None</span>;
  if (!isRecord(details)) return <span className="break-words">{text(details)}</span>;
  const { before, after, ...rest } = details;
  const changes =
    isRecord(before) && isRecord(after)
      ? [...new Set([...Object.keys(before), ...Object.keys(after)])].map((key) => ({
          key,
          value: `${text(before[key])} → ${text(after[key])}`,
        }))
      : [];
  const others = Object.entries(isRecord(before) && isRecord(after) ? rest : details).map(([key, value]) => ({
    key,
    value: key === 'role' && isRole(value) ? ROLE_LABELS[value] : text(value),
  }));
  return (
    <ul className="space-y-1">
      {[...changes, ...others].map(({ key, value }) => (
        <li key={key} className="break-words">
          <span className="font-bold">{key}:</span> {value}
        </li>
      ))}
    </ul>
  );
}
