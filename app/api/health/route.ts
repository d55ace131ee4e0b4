import { connection } from 'next/server';
import { getHealth } from '@/lib/server/health';

/** Public liveness/readiness probe: database reachable, migrations applied, app version. */
export async function GET() {
  await connection();
  const health = await getHealth();
  return Response.json(health, {
    status: health.status === 'error' ? 503 : 200,
    headers: { 'Cache-Control': 'no-store' },
  });
}
