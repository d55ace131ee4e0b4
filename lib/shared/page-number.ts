import { z } from 'zod';

const pageNumberSchema = z.coerce.number().int().positive().max(1_000_000);

/** A page number from the URL (`?page=`): a positive whole number; anything else reads as the first page. */
export function pageNumberOf(value: string | string[] | undefined): number {
  const parsed = pageNumberSchema.safeParse(Array.isArray(value) ? value[0] : value);
  return parsed.success ? parsed.data : 1;
}
