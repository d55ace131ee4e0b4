/** A consultant as the list shows them. */
export interface ListedConsultant {
  id: number;
  name: string;
  gmcNumber: string;
  specialtyName: string;
  divisionName: string;
}

/** Letters and digits only, lower case: "O’Connor" finds "OConnor" and "o'connor", "Mr J. Wood" finds "j wood". */
function normalise(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9 ]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The consultants matching what was typed: every word must appear in the name, GMC number, specialty or division
 * (in any order), so "wood ophth" finds Mr Jun Wood of Ophthalmology. Nothing typed: everyone.
 */
export function findConsultants<Consultant extends ListedConsultant>(
  consultants: readonly Consultant[],
  query: string,
): Consultant[] {
  const words = normalise(query).split(' ').filter(Boolean);
  if (words.length === 0) return [...consultants];
  return consultants.filter((consultant) => {
    const text = normalise(
      `${consultant.name} ${consultant.gmcNumber} ${consultant.specialtyName} ${consultant.divisionName}`,
    );
    return words.every((word) => text.includes(word));
  });
}
