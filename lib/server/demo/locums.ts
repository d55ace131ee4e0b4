import {
  type ActivityContext,
  type ConsultantActivity,
  ConsultantActivityBuilder,
  type DraftClinic,
  type DraftList,
  defaultTimes,
  duplicateRecord,
  finalise,
} from './activity';
import { isBankHoliday } from './bank-holidays';
import { isoWeekday, mondayOf } from './dates';
import type { ConsultantModel } from './model';
import type { Rng } from './prng';
import { type SpecialtyDef, UNKNOWN_GMC_NUMBERS } from './reference';
import type { PlanPeriod } from './types';

/** Locums who work in the trust but are missing from consultants.csv: the unknown-GMC data-quality fault. */

interface LocumDef {
  gmc: string;
  specialty: SpecialtyDef;
  kind: 'clinic' | 'list';
  code: string;
  weekday: number;
  period: PlanPeriod;
  weeks: number;
}

/**
 * Activity of locums whose GMC numbers are not in consultants.csv (data-quality fault), with at least one
 * duplicate clinic session, one duplicate list and one list missing its timestamps, whatever the trust size.
 */
export function generateUnknownConsultantActivity(
  specialties: readonly SpecialtyDef[],
  scale: number,
  rng: Rng,
  ctx: ActivityContext,
): ConsultantActivity {
  const byCode = (code: string) =>
    specialties.find((s) => s.code === code) ?? (specialties[0] as SpecialtyDef);
  const [g1, g2, g3] = UNKNOWN_GMC_NUMBERS;
  const locums: LocumDef[] = [
    {
      gmc: g1,
      specialty: byCode('110'),
      kind: 'clinic',
      code: 'TRO-C-LOC-01',
      weekday: 2,
      period: 'AM',
      weeks: 24 * scale,
    },
    {
      gmc: g2,
      specialty: byCode('320'),
      kind: 'clinic',
      code: 'CL9001',
      weekday: 4,
      period: 'PM',
      weeks: 18 * scale,
    },
    {
      gmc: g3,
      specialty: byCode('100'),
      kind: 'list',
      code: 'TH01',
      weekday: 5,
      period: 'PM',
      weeks: 10 * scale,
    },
  ];
  const clinics: DraftClinic[] = [];
  const lists: DraftList[] = [];
  for (const locum of locums) {
    const model: ConsultantModel = {
      index: -1,
      gmcNumber: locum.gmc,
      title: 'Dr',
      firstName: 'Locum',
      lastName: locum.gmc,
      email: '',
      specialty: locum.specialty,
      contractedPas: 10,
      dccPas: 8,
      spaPas: 2,
      productivity: 0.95,
      additionalRate: 0,
      planCurrency: 'none',
      exportedVersions: [],
      workedVersions: [],
      planChange: null,
    };
    const builder = new ConsultantActivityBuilder(model, rng);
    const span = ctx.endDay - ctx.startDay;
    let monday = mondayOf(ctx.startDay + rng.int(14, Math.max(15, span - locum.weeks * 7 - 14)));
    for (let w = 0; w < locum.weeks && monday + 7 <= ctx.endDay; w++, monday += 7) {
      const day = monday + locum.weekday - 1;
      if (isBankHoliday(day) || day < ctx.startDay || day > ctx.endDay || isoWeekday(day) !== locum.weekday)
        continue;
      if (locum.kind === 'clinic') {
        builder.clinic({
          day,
          period: locum.period,
          code: locum.code,
          times: defaultTimes('clinic', locum.period),
          additional: false,
          held: true,
          template: 10,
        });
        ctx.acc.unknownGmc.clinicSessions++;
      } else {
        builder.list({
          day,
          period: locum.period,
          code: locum.code,
          times: defaultTimes('list', locum.period),
          additional: false,
          held: true,
          expectedCases: 4,
          isCataract: false,
          cataractMean: 0,
        });
        ctx.acc.unknownGmc.theatreLists++;
      }
    }
    clinics.push(...builder.clinics);
    lists.push(...builder.lists);
  }
  const result = finalise(9998, clinics, lists, rng, ctx.acc);
  // Guarantee one of each fault even in a small trust.
  const firstClinic = result.clinicSessions[0];
  if (firstClinic && ctx.acc.duplicateClinicSessionIds.length === 0) {
    const copy = duplicateRecord(firstClinic, 'session_id');
    result.clinicSessions.splice(1, 0, copy);
    ctx.acc.duplicateClinicSessionIds.push(copy.session_id);
  }
  const firstList = result.theatreLists[0];
  if (firstList && ctx.acc.duplicateTheatreListIds.length === 0) {
    const copy = duplicateRecord(firstList, 'list_id');
    result.theatreLists.splice(1, 0, copy);
    ctx.acc.duplicateTheatreListIds.push(copy.list_id);
  }
  const lastList = result.theatreLists[result.theatreLists.length - 1];
  if (lastList && lastList !== firstList && ctx.acc.missingTimestampListIds.length === 0) {
    lastList.actual_start = null;
    lastList.actual_end = null;
    ctx.acc.missingTimestampListIds.push(lastList.list_id);
  }
  return result;
}
