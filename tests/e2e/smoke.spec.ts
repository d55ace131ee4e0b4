import { expect, test } from '@playwright/test';
import { healthResponseSchema } from '@/lib/shared/schemas/health';

test('the app opens on the shell and reports itself healthy', async ({ page, request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  const health = healthResponseSchema.parse(await response.json());
  expect(health.status).toBe('ok');
  expect(health.migrations.pending).toEqual([]);

  await page.goto('/');
  await expect(page.getByRole('banner')).toContainText('Fulfil');
  await expect(page.getByRole('navigation', { name: /main|primary/i })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /system status/i })).toContainText(/OK/i);
});
