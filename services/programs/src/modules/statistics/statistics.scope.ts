import { assertId, BadUserInputError } from "@sstc/subgraph-kit";
import { assertYear } from "../search/filter-values";
import { editionConditions, hasMatchingEdition } from "../search/criteria";
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
  return scope;
}

/** Restricts editions aliased `e` to the scope. */
export function editionsInScope(scope: StatisticsScope, e: string, where: SqlConditions) {
  if (scope.publishedOnly) where.add(publishedEditionSql(e));
  if (scope.programId) where.add(`${e}.programId = ${where.param(scope.programId)}`);
  if (scope.starts) editionConditions({ starts: scope.starts }, e, where);
}

/** Restricts programmes aliased `p` to the scope: with a year range, those with an edition in it. */
export function programsInScope(scope: StatisticsScope, p: string, where: SqlConditions) {
  if (scope.publishedOnly) where.add(`${p}.published = 1`);
  if (scope.programId) where.add(`${p}.id = ${where.param(scope.programId)}`);
  if (scope.starts) hasMatchingEdition({ starts: scope.starts }, p, where);
}
