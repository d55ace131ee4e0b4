import type { Scope } from '@/lib/shared/scope';
import type { Database } from '../db';
import { queryRows, SqlParams } from './query';
import { consultantScopeCondition, type UnitFilter } from './scope-sql';

/** A consultant in scope with the units above them. */
export interface ConsultantUnit {
  id: number;
  gmcNumber: string;
  name: string;
  specialtyId: number;
  specialtyCode: string;
  specialtyName: string;
  divisionId: number;
  divisionCode: string;
  divisionName: string;
  organisationId: number;
  organisationCode: string;
  organisationName: string;
}

/** The consultants the caller may see (optionally within one unit), ordered by specialty and name. */
export async function getConsultantUnits(
  database: Database,
  scope: Scope,
  unit?: UnitFilter,
): Promise<ConsultantUnit[]> {
  const params = new SqlParams();
  return queryRows<ConsultantUnit>(
    database,
    `SELECT c.id, c.gmc_number AS "gmcNumber", c.name, s.id AS "specialtyId", s.code AS "specialtyCode",
            s.name AS "specialtyName", d.id AS "divisionId", d.code AS "divisionCode", d.name AS "divisionName",
            o.id AS "organisationId", o.code AS "organisationCode", o.name AS "organisationName"
       FROM consultants c
       JOIN specialties s ON s.organisation_id = c.organisation_id AND s.id = c.specialty_id
       JOIN divisions d ON d.organisation_id = c.organisation_id AND d.id = c.division_id
       JOIN organisations o ON o.id = c.organisation_id
      WHERE ${consultantScopeCondition(scope, params, unit)}
      ORDER BY s.name, c.name, c.gmc_number`,
    params.values,
  );
}
