'use client';

import { StatusDot, type StatusTone } from '@/components/ui/status-dot';
import { useHealth } from '@/lib/client/hooks/use-health';
import type { HealthResponse } from '@/lib/shared/schemas/health';

const STATUS_LABELS: Record<HealthResponse['status'], string> = {
  ok: 'OK',
  degraded: 'Degraded',
  error: 'Error',
};
const STATUS_TONES: Record<HealthResponse['status'], StatusTone> = {
  ok: 'positive',
  degraded: 'warning',
  error: 'negative',
};

function describeDatabase(database: HealthResponse['database']): string {
  if (!database.reachable) return 'unreachable';
  return database.kind === 'pglite' ? 'embedded (PGlite)' : 'PostgreSQL';
}

function describeHealth(health: HealthResponse): string {
  const { applied, total, pending } = health.migrations;
  const migrations = `migrations ${applied}/${total}${pending.length > 0 ? ` (${pending.length} pending)` : ''}`;
  return [
    `System status: ${STATUS_LABELS[health.status]}`,
    `database: ${describeDatabase(health.database)}`,
    migrations,
    `version ${health.version}`,
  ].join(' · ');
}

/** One line in the footer saying whether the server, its database and its migrations are in order. */
export function HealthStatus() {
  const health = useHealth();
  let tone: StatusTone;
  let text: string;
  if (health.isPending) {
    tone = 'pending';
    text = 'Checking system status…';
  } else if (health.isError) {
    tone = 'negative';
    text = 'System status: unknown · the health check could not be completed';
  } else {
    tone = STATUS_TONES[health.data.status];
    text = describeHealth(health.data);
  }
  return (
    <p role="status" className="flex items-center gap-2">
      <StatusDot tone={tone} />
      <span>{text}</span>
    </p>
  );
}
