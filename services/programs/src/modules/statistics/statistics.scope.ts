import { assertCountryCode, assertId, BadUserInputError } from "@sstc/subgraph-kit";
import { assertYear } from "../search/filter-values";
import { editionConditions } from "../search/criteria";
import { CountryInvolvement } from "../search/country-involvement";
import type { SqlConditions } from "../search/sql-conditions";
import type { StatisticsFilter } from "./statistics.filters";
import type { StatisticsScope } from "./statistics.types";
import { publishedEditionSql } from "../publication";

/** Validates a statistics filter (argument names `filter.<field>`). */
export function readStatisticsFilter(filter: StatisticsFilter | null | undefined): StatisticsScope {
  const scope: StatisticsScope = {};
  const from = filter?.yearFrom != null ? assertYear(filter.yearFrom, "filter.yearFrom") : undefined;
  const to = filter?.yearTo != null ? assertYear(filter.yearTo, "filter.yearTo") : undefined;
  if (from !== undefined && to !== undefined && from > to) {
    throw new BadUserInputError(`"filter.yearTo" (${to}) is before "filter.yearFrom" (${from}).`, { argument: "filter.yearTo" });
  }
  if (from !== undefined || to !== undefined) {
    scope.starts = { from: from !== undefined ? `${from}-01-01` : undefined, to: to !== undefined ? `${to}-12-31` : undefined };
  }
  if (filter?.programId != null) scope.programId = assertId(filter.programId, "filter.programId");
  if (filter?.editionId != null) scope.editionId = assertId(filter.editionId, "filter.editionId");
  if (filter?.countryCode != null) scope.countryCode = assertCountryCode(filter.countryCode, "filter.countryCode");
  if (filter?.institutionId != null) scope.institutionId = assertId(filter.institutionId, "filter.institutionId");
  if (filter?.participationRoles != null) {
    if (!filter.participationRoles.length)
      throw new BadUserInputError('"filter.participationRoles" names no role; omit it for every role.', { argument: "filter.participationRoles" });
    scope.participationRoles = [...new Set(filter.participationRoles)];
  }
  return scope;
}

/*
 * The country and institution filters mean different things for different
 * figures (see StatisticsFilter): the participant's for participations, the
 * venue's or host's (or lead's) for editions and programmes. The scope of an
 * edition itself (years, programme, edition, drafts) is shared by all.
 */

/** Restricts editions aliased `e` by years, programme, edition and drafts only. */
function editionItself(scope: StatisticsScope, e: string, where: SqlConditions) {
  if (scope.publishedOnly) where.add(publishedEditionSql(e));
  if (scope.programId) where.add(`${e}.programId = ${where.param(scope.programId)}`);
  if (scope.editionId) where.add(`${e}.id = ${where.param(scope.editionId)}`);
  if (scope.starts) editionConditions({ starts: scope.starts }, e, where);
}

/** Restricts editions aliased `e` to the scope: held in its country, hosted by its institution or of a programme it leads. */
export function editionsInScope(scope: StatisticsScope, e: string, where: SqlConditions) {
  editionItself(scope, e, where);
  if (scope.countryCode) where.add(`${e}.venueCountryCode = ${where.param(scope.countryCode)}`);
  if (scope.institutionId) {
    const id = where.param(scope.institutionId);
    where.add(
      `${e}.hostInstitutionId = ${id} OR ${e}.programId IN (SELECT lp.id FROM programs lp WHERE lp.deletedAt IS NULL AND lp.leadInstitutionId = ${id})`,
    );
  }
}

/** Restricts participations aliased `pa`, of editions aliased `e`, to the scope: people representing its country, sent by its institution. */
export function participationsInScope(scope: StatisticsScope, pa: string, e: string, where: SqlConditions) {
  editionItself(scope, e, where);
  if (scope.countryCode) where.add(`${pa}.countryCode = ${where.param(scope.countryCode)}`);
  if (scope.institutionId) where.add(`${pa}.institutionId = ${where.param(scope.institutionId)}`);
  if (scope.participationRoles) where.add(`${pa}.role IN (${scope.participationRoles.map((r) => where.param(r)).join(", ")})`);
}

/**
 * Restricts programmes aliased `p` to the scope: with a year range, edition
 * or country, those with an edition in it; with an institution, those it
 * leads or hosted such an edition of.
 */
export function programsInScope(scope: StatisticsScope, p: string, where: SqlConditions) {
  if (scope.publishedOnly) where.add(`${p}.published = 1`);
  if (scope.programId) where.add(`${p}.id = ${where.param(scope.programId)}`);
  const country = scope.countryCode ? { code: scope.countryCode, involvement: CountryInvolvement.HOST } : undefined;
  const edition = (hostInstitutionId?: string) => {
    const inner = where.nested();
    editionConditions({ starts: scope.starts, country, hostInstitutionId }, "me", inner);
    if (scope.editionId) inner.add(`me.id = ${inner.param(scope.editionId)}`);
    return `EXISTS (SELECT 1 FROM editions me WHERE me.programId = ${p}.id AND me.deletedAt IS NULL AND ${inner.sql()})`;
  };
  if (scope.starts || country || scope.editionId) where.add(edition());
  if (scope.institutionId) where.add(`${p}.leadInstitutionId = ${where.param(scope.institutionId)} OR ${edition(scope.institutionId)}`);
}
