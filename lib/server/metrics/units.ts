import type { Scope } from '@/lib/shared/scope';
import type { Database } from '../db';
import { queryRows, SqlParams } from './query';
import { consultantScopeCondition, grantCondition, type UnitFilter, type UnitLevel } from './scope-sql';

/** A consultant a query reads, with the units above them and whether the caller may see them named. */
export interface ConsultantUnit {
  id: number;
  gmcNumber: string;
  name: string;
  isNamed: boolean;
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

/**
 * The consultants behind a query at `level` (see consultantScopeCondition), optionally within one unit. Names are
 * read for everyone here; the report replaces those the caller may not see named before anything leaves the server.
 */
export async function getConsultantUnits(
  database: Database,
  scope: Scope,
  level: UnitLevel,
  unit?: UnitFilter,
): Promise<ConsultantUnit[]> {
  const params = new SqlParams();
  const where = consultantScopeCondition(scope, params, level, unit);
  const isNamed = grantCondition(scope.named, params);
  return queryRows<ConsultantUnit>(
    database,
    `SELECT c.id, c.gmc_number AS "gmcNumber", c.name, ${isNamed} AS "isNamed",
            s.id AS "specialtyId", s.code AS "specialtyCode", s.name AS "specialtyName",
            d.id AS "divisionId", d.code AS "divisionCode", d.name AS "divisionName",
            o.id AS "organisationId", o.code AS "organisationCode", o.name AS "organisationName"
       FROM consultants c
       JOIN specialties s ON s.organisation_id = c.organisation_id AND s.id = c.specialty_id
       JOIN divisions d ON d.organisation_id = c.organisation_id AND d.id = c.division_id
       JOIN organisations o ON o.id = c.organisation_id
      WHERE ${where}
      ORDER BY s.name, c.name, c.gmc_number`,
    params.values,
  );
}
