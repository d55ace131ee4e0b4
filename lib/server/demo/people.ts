import type { Faker } from '@faker-js/faker';
import type { ConsultantModel } from './model';
import type { Rng } from './prng';
import { SPECIALTIES, type SpecialtyDef, UNKNOWN_GMC_NUMBERS } from './reference';

/**
 * Consultants: headcount per specialty in proportion to the specialty weights, unique 7-digit GMC numbers,
 * en_GB names with the surgical Mr/Ms/Miss convention, nhs.net e-mail addresses and a PA split.
 * Plans are attached later (job-plans.ts).
 */
export function generateConsultants(count: number, rng: Rng, faker: Faker): ConsultantModel[] {
  const headcounts = apportion(
    count,
    SPECIALTIES.map((s) => s.weight),
  );
  const usedGmc = new Set<string>(UNKNOWN_GMC_NUMBERS);
  const usedEmail = new Set<string>();
  const consultants: ConsultantModel[] = [];
  SPECIALTIES.forEach((specialty, s) => {
    const n = headcounts[s] ?? 0;
    for (let i = 0; i < n; i++) {
      consultants.push(createConsultant(consultants.length, specialty, rng, faker, usedGmc, usedEmail));
    }
  });
  return consultants;
}

function createConsultant(
  index: number,
  specialty: SpecialtyDef,
  rng: Rng,
  faker: Faker,
  usedGmc: Set<string>,
  usedEmail: Set<string>,
): ConsultantModel {
  let gmcNumber = '';
  do {
    // Full registrants' GMC numbers are 7 digits; recent ones start with 2–7.
    gmcNumber = String(rng.int(2_000_000, 7_999_999));
  } while (usedGmc.has(gmcNumber));
  usedGmc.add(gmcNumber);

  const isFemale = rng.chance(specialty.femaleShare);
  const firstName = faker.person.firstName(isFemale ? 'female' : 'male');
  const lastName = faker.person.lastName();
  const title = specialty.isSurgical ? (isFemale ? (rng.chance(0.3) ? 'Miss' : 'Ms') : 'Mr') : 'Dr';

  const localBase = `${emailPart(firstName)}.${emailPart(lastName)}`;
  let local = localBase;
  for (let n = 1; usedEmail.has(local); n++) local = `${localBase}${n}`;
  usedEmail.add(local);

  // Contracted PAs 10–12; SPA 1.5–2.5; DCC = contracted − SPA − other NHS duties, kept within 7.5–9.
  const contractedPas = rng.weighted<number>([
    [10, 6],
    [10.5, 1],
    [11, 3],
    [11.5, 1],
    [12, 2],
  ]);
  const spaPas = rng.weighted<number>([
    [1.5, 4],
    [2, 4],
    [2.5, 2],
  ]);
  let dccPas = Math.min(9, contractedPas - spaPas);
  if (dccPas < 7.5) dccPas = 7.5;
  const adjustedSpa = Math.min(spaPas, contractedPas - dccPas);

  return {
    index,
    gmcNumber,
    title,
    firstName,
    lastName,
    email: `${local}@nhs.net`,
    specialty,
    contractedPas,
    dccPas,
    spaPas: adjustedSpa,
    productivity: Math.min(1.2, Math.max(0.8, rng.normal(1, 0.07))),
    additionalRate: rng.weighted<number>([
      [0, 4],
      [0.03, 4],
      [0.08, 2],
    ]),
    planCurrency: 'history',
    exportedVersions: [],
    workedVersions: [],
    planChange: null,
  };
}

/** Lower-case letters only, as nhs.net addresses are (O'Brien → obrien, Smith-Jones → smithjones). */
function emailPart(name: string): string {
  return name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

/** Largest-remainder apportionment of `total` over `weights`; every weight gets at least one when total allows. */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w / sum) * total);
  const result = exact.map((x) => Math.floor(x));
  let left = total - result.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => [x - Math.floor(x), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    result[i] = (result[i] ?? 0) + 1;
    left--;
  }
  if (total >= weights.length) {
    for (let i = 0; i < result.length; i++) {
      if (result[i] !== 0) continue;
      const largest = result.indexOf(Math.max(...result));
      result[largest] = (result[largest] ?? 0) - 1;
      result[i] = 1;
    }
  }
  return result;
}
