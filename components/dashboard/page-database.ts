import 'server-only';
import { cache } from 'react';
import { getDatabase } from '@/lib/server/db';
import { sharingReads } from '@/lib/server/metrics/query';

/**
 * The database for one page render (React cache: one per request). Its sections' metric requests read many of
 * the same things — the metric context, the consultants in scope, the per-consultant sums behind the headline and
 * the specialties' reports — and through it each distinct read runs once per request (sharingReads), as one
 * dashboard API call's parts do. Read-only: the rows are shared.
 */
export const getPageDatabase = cache(async () => sharingReads(await getDatabase()));
