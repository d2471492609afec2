import type { ActivityStatus, CooperationModality } from "../program/program.enums";
import type { PartnershipRole } from "@sstc/vocabularies";
import { CountryInvolvement } from "./country-involvement";
import type { DayRange } from "./filter-values";
import type { SqlConditions } from "./sql-conditions";

/** Validated conditions on a programme's own data. */
export interface ProgramCriteria {
  status?: ActivityStatus;
  modality?: CooperationModality;
  sdgGoal?: number;
  sdgTarget?: string;
  leadInstitutionId?: string;
  partner?: { id: string; role?: PartnershipRole };
}

/** Validated conditions on one edition (for programmes: at least one of their editions meets all of them). */
export interface EditionCriteria {
  status?: ActivityStatus;
  hostInstitutionId?: string;
  country?: { code: string; involvement: CountryInvolvement };
  /** On the planned start day, the date every edition has. */
  starts?: DayRange;
}

/** True when at least one condition is set. */
export const hasCriteria = (c: object) => Object.values(c).some((v) => v !== undefined);

/*
 * The clauses below name tables and columns as written by the migrations;
 * aliases other than the query's own are plain identifiers, which both
 * SQLite and MySQL accept case-insensitively. Soft-deleted rows never count.
 */

/**
 * Adds programme conditions on the programmes aliased `p`.
 * `partnerProgramIds` are the programmes of `criteria.partner`, already
 * fetched from the partners subgraph.
 */
export function programConditions(criteria: ProgramCriteria, p: string, where: SqlConditions, partnerProgramIds?: readonly string[]) {
  if (criteria.status) where.add(`${p}.status = ${where.param(criteria.status)}`);
  if (criteria.modality) where.add(`${p}.modality = ${where.param(criteria.modality)}`);
  if (criteria.leadInstitutionId) where.add(`${p}.leadInstitutionId = ${where.param(criteria.leadInstitutionId)}`);
  if (criteria.sdgGoal !== undefined) {
    where.add(`EXISTS (SELECT 1 FROM program_sdg_targets sg WHERE sg.programId = ${p}.id AND sg.goal = ${where.param(criteria.sdgGoal)})`);
  }
  if (criteria.sdgTarget !== undefined) {
    where.add(`EXISTS (SELECT 1 FROM program_sdg_targets st WHERE st.programId = ${p}.id AND st.target = ${where.param(criteria.sdgTarget)})`);
  }
  if (criteria.partner) {
    where.add(partnerProgramIds?.length ? `${p}.id IN ${where.list(partnerProgramIds)}` : "1 = 0");
  }
}

/** Adds edition conditions on the editions aliased `e`. */
export function editionConditions(criteria: EditionCriteria, e: string, where: SqlConditions) {
  if (criteria.status) where.add(`${e}.status = ${where.param(criteria.status)}`);
  if (criteria.hostInstitutionId) where.add(`${e}.hostInstitutionId = ${where.param(criteria.hostInstitutionId)}`);
  if (criteria.starts?.from) where.add(`${e}.plannedStartDate >= ${where.param(criteria.starts.from)}`);
  if (criteria.starts?.to) where.add(`${e}.plannedStartDate <= ${where.param(criteria.starts.to)}`);
  if (criteria.country) {
    const code = where.param(criteria.country.code);
    const hosts = `${e}.venueCountryCode = ${code}`;
    const participates = `EXISTS (SELECT 1 FROM participations cp WHERE cp.editionId = ${e}.id AND cp.deletedAt IS NULL AND cp.countryCode = ${code})`;
    const involvement = criteria.country.involvement;
    where.add(
      involvement === CountryInvolvement.HOST ? hosts : involvement === CountryInvolvement.PARTICIPATING ? participates : `${hosts} OR ${participates}`,
    );
  }
}

/** "At least one live edition of the programme `p` meets every edition condition." */
export function hasMatchingEdition(criteria: EditionCriteria, p: string, where: SqlConditions) {
  const inner = where.nested();
  editionConditions(criteria, "me", inner);
  where.add(`EXISTS (SELECT 1 FROM editions me WHERE me.programId = ${p}.id AND me.deletedAt IS NULL AND ${inner.sql()})`);
}

/** "The programme of the edition `e` is live and meets every programme condition." */
export function programMatches(criteria: ProgramCriteria, e: string, where: SqlConditions, partnerProgramIds?: readonly string[]) {
  const inner = where.nested();
  programConditions(criteria, "mp", inner, partnerProgramIds);
  where.add(`${e}.programId IN (SELECT mp.id FROM programs mp WHERE mp.deletedAt IS NULL AND ${inner.sql()})`);
}
