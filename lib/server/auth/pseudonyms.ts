import { createHmac, randomBytes } from 'node:crypto';
import type { Database } from '../db';
import { queryRows } from '../metrics/query';

/** Crockford-style base32 without look-alike letters, for short readable labels. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A pseudonym for a consultant as one viewer sees them: "Colleague" and four characters from an HMAC of the viewer
 * and the consultant under the organisation's secret key. Stable for that viewer (the same label every visit,
 * whoever else joins), different for another viewer (so two people cannot pool what they see), and impossible to
 * trace to a person without the key.
 */
export function pseudonymFor(key: string, viewerUserId: number, consultantId: number): string {
  const digest = createHmac('sha256', Buffer.from(key, 'hex'))
    .update(`${viewerUserId}:${consultantId}`)
    .digest();
  let label = '';
  for (let i = 0; i < 4; i++) label += ALPHABET[(digest[i] ?? 0) % ALPHABET.length];
  return `Colleague ${label}`;
}

const keys = new Map<number, string>();

/** The organisation's pseudonym key, created (once, race-free) on first use. */
export async function getAnonymisationKey(database: Database, organisationId: number): Promise<string> {
  const known = keys.get(organisationId);
  if (known) return known;
  const [row] = await queryRows<{ key: string }>(
    database,
    `UPDATE organisations SET anonymisation_key = COALESCE(anonymisation_key, $2)
      WHERE id = $1 RETURNING anonymisation_key AS key`,
    // Runs once per organisation and process: the key is cached below.
    [organisationId, randomBytes(32).toString('hex')],
  );
  if (!row) throw new Error(`No organisation ${organisationId}`);
  keys.set(organisationId, row.key);
  return row.key;
}
