import 'server-only';
import { connection } from 'next/server';
import { getCurrentOrganisation } from '@/lib/server/dal/organisation';

/** The trust's name for the header, read at request time. */
export async function TrustName() {
  await connection();
  try {
    const organisation = await getCurrentOrganisation();
    return organisation && <span className="text-[1.375rem]">{organisation.name}</span>;
  } catch (error) {
    // The header must still render so that the reader can navigate; the page below reports the failure.
    console.error('Could not read the organisation for the header', error);
    return null;
  }
}
