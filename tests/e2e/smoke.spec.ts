import { expect, test } from '@playwright/test';
import { healthResponseSchema } from '@/lib/shared/schemas/health';

// The shell itself (banner, navigation, status line, accessibility) is covered by shell.spec.ts.
test('GET /api/health reports the built app healthy: database reachable, every migration applied', async ({
  request,
}) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  expect(response.headers()['cache-control']).toBe('no-store');
  const health = healthResponseSchema.parse(await response.json());
  expect(health).toMatchObject({ status: 'ok', database: { reachable: true }, migrations: { pending: [] } });
  expect(health.migrations.applied).toBe(health.migrations.total);
});

test('every response carries the security headers', async ({ request }) => {
  const response = await request.get('/');
  const headers = response.headers();
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['x-powered-by']).toBeUndefined();
});
