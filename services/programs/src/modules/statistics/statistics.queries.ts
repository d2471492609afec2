import type { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import type { SubgraphContext } from "@sstc/subgraph-kit";
import { Edition } from "../edition/edition.entity";
import { Participation } from "../participation/participation.entity";
import { Program } from "../program/program.entity";
import { ProgramSdgTarget } from "../sdg/program-sdg-target.entity";
import { SqlConditions } from "../search/sql-conditions";
import { editionsInScope, participationsInScope, programsInScope } from "./statistics.scope";
import { countryRef, institutionRef } from "../external/external.entity";
import type { StatisticsBucket, StatisticsScope } from "./statistics.types";
import { cachedFigure } from "./statistics.cache";

/*
 * Every breakdown is one GROUP BY statement: the database counts, nothing
 * is loaded row by row. The year of an edition is SUBSTR(date, 1, 4),
 * which SQLite (ISO text) and MySQL (DATE) both answer with "2023".
 */
export const YEAR_OF_EDITION = "SUBSTR(e.plannedStartDate, 1, 4)";
/** Keys for values a record may lack, so every group has a name. */
export const NO_MODALITY = "NONE";
export const GENDER_NOT_RECORDED = "NOT_RECORDED";
export const INSTITUTION_NOT_RECORDED = "NOT_RECORDED";

/**
 * True (in SQL) for a record of alias `alias` that is a placeholder, or whose
 * field `field` holds a value no source gives (it is in `placeholderFields`,
 * stored comma-separated). Field names are constants of this module, never
 * user input.
 */
export function placeholderSql(alias: string, field?: string): string {
  const whole = `${alias}.isPlaceholder = 1`;
  // Most records have no placeholder fields: the comparison with '' spares them the string search.
  return field ? `(${whole} OR (${alias}.placeholderFields <> '' AND CONCAT(',', ${alias}.placeholderFields, ',') LIKE '%,${field},%'))` : whole;
}

/**
 * Runs a grouped count: `bucket` names the group, `counted` is what is
 * counted (`*`, or an expression counted distinct), and `placeholder` says
 * which of them are placeholders; groups ordered by key.
 */
async function grouped<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  where: SqlConditions,
  bucket: string,
  counted: { all: true } | { distinct: string },
  placeholder: string,
): Promise<StatisticsBucket[]> {
  const [count, placeholders] =
    "all" in counted
      ? ["COUNT(*)", `SUM(CASE WHEN ${placeholder} THEN 1 ELSE 0 END)`]
      : [`COUNT(DISTINCT ${counted.distinct})`, `COUNT(DISTINCT CASE WHEN ${placeholder} THEN ${counted.distinct} END)`];
  const rows: Array<{ bucket: string | number; count: string | number; placeholders: string | number | null }> = await where
    .applyTo(qb)
    .select(bucket, "bucket")
    .addSelect(count, "count")
    .addSelect(placeholders, "placeholders")
    .groupBy("bucket")
    .orderBy("bucket", "ASC")
    .getRawMany();
  return rows.map((r) => ({ key: String(r.bucket), count: Number(r.count), placeholderCount: Number(r.placeholders ?? 0) }));
}

const ALL = { all: true } as const;
/** People are counted once per group, however many participations they have in it. */
const PEOPLE = { distinct: "pa.personId" } as const;

/** Links each group of a breakdown by country to its Country. */
const byCountry = (buckets: StatisticsBucket[]) => buckets.map((b) => ({ ...b, country: countryRef(b.key) }));
/** Links each group of a breakdown by institution to its Institution (none for the group of no institution). */
const byInstitution = (buckets: StatisticsBucket[]) =>
  buckets.map((b) => ({ ...b, institution: b.key === INSTITUTION_NOT_RECORDED ? null : institutionRef(b.key) }));
/** Gives each group of a breakdown by SDG goal its goal number. */
const byGoal = (buckets: StatisticsBucket[]) => buckets.map((b) => ({ ...b, goal: Number(b.key) }));

/** Participations in scope, with their edition `e` and programme `p`. */
function participations(ctx: SubgraphContext, scope: StatisticsScope) {
  const where = new SqlConditions();
  participationsInScope(scope, "pa", "e", where);
  const qb = ctx.db
    .getRepository(Participation)
    .createQueryBuilder("pa")
    .innerJoin(Edition, "e", "e.id = pa.editionId AND e.deletedAt IS NULL")
    .innerJoin(Program, "p", "p.id = e.programId AND p.deletedAt IS NULL");
  return { qb, where };
}

/** Editions in scope, with their programme `p`. */
function editions(ctx: SubgraphContext, scope: StatisticsScope) {
  const where = new SqlConditions();
  editionsInScope(scope, "e", where);
  const qb = ctx.db.getRepository(Edition).createQueryBuilder("e").innerJoin(Program, "p", "p.id = e.programId AND p.deletedAt IS NULL");
  return { qb, where };
}

/** Programmes in scope. */
function programs(ctx: SubgraphContext, scope: StatisticsScope) {
  const where = new SqlConditions();
  programsInScope(scope, "p", where);
  return { qb: ctx.db.getRepository(Program).createQueryBuilder("p"), where };
}

/** Every breakdown, counted: one GROUP BY statement each. */
const countBreakdowns = {
  participantsByCountry: (ctx: SubgraphContext, scope: StatisticsScope) => {
    const { qb, where } = participations(ctx, scope);
    return grouped(qb, where, "pa.countryCode", ALL, placeholderSql("pa", "country")).then(byCountry);
  },
  participantsByInstitution: (ctx: SubgraphContext, scope: StatisticsScope) => {
    const { qb, where } = participations(ctx, scope);
    return grouped(qb, where, `COALESCE(pa.institutionId, '${INSTITUTION_NOT_RECORDED}')`, ALL, placeholderSql("pa", "institution")).then(byInstitution);
  },
  peopleByCountry: (ctx: SubgraphContext, scope: StatisticsScope) => {
    const { qb, where } = participations(ctx, scope);
    return grouped(qb, where, "pa.countryCode", PEOPLE, placeholderSql("pa", "country")).then(byCountry);
  },
  peopleByGender: (ctx: SubgraphContext, scope: StatisticsScope) => {
    const { qb, where } = participations(ctx, scope);
    return grouped(qb, where, `COALESCE(pa.gender, '${GENDER_NOT_RECORDED}')`, PEOPLE, placeholderSql("pa", "gender"));
  },
  participantsByGender: (ctx: SubgraphContext, scope: StatisticsScope) => {
    const { qb, where } = participations(ctx, scope);
    return grouped(qb, where, `COALESCE(pa.gender, '${GENDER_NOT_RECORDED}')`, ALL, placeholderSql("pa", "gender"));
  },
  participantsByRole: (ctx: SubgraphContext, scope: StatisticsScope) => {
    const { qb, where } = participations(ctx, scope);
    return grouped(qb, where, "pa.role", ALL, placeholderSql("pa", "role"));
  },
  participantsByYear: (ctx: SubgraphContext, scope: StatisticsScope) => {
    const { qb, where } = participations(ctx, scope);
    return grouped(qb, where, YEAR_OF_EDITION, ALL, `(${placeholderSql("pa")} OR ${placeholderSql("e", "plannedStartDate")})`);
  },
  editionsByYear: (ctx: SubgraphContext, scope: StatisticsScope) => {
    const { qb, where } = editions(ctx, scope);
    return grouped(qb, where, YEAR_OF_EDITION, ALL, placeholderSql("e", "plannedStartDate"));
  },
  editionsByModality: (ctx: SubgraphContext, scope: StatisticsScope) => {
    const { qb, where } = editions(ctx, scope);
    return grouped(qb, where, `COALESCE(p.modality, '${NO_MODALITY}')`, ALL, `(${placeholderSql("e")} OR ${placeholderSql("p", "modality")})`);
  },
  editionsBySdgGoal: (ctx: SubgraphContext, scope: StatisticsScope) => {
    const { qb, where } = editions(ctx, scope);
    return grouped(
      qb.innerJoin(ProgramSdgTarget, "s", "s.programId = e.programId"),
      where,
      "s.goal",
      { distinct: "e.id" },
      `(${placeholderSql("e")} OR ${placeholderSql("p", "sdgGoals")})`,
    ).then(byGoal);
  },
  editionsByHostCountry: (ctx: SubgraphContext, scope: StatisticsScope) => {
    const { qb, where } = editions(ctx, scope);
    return grouped(qb, where, "e.venueCountryCode", ALL, placeholderSql("e", "venueCountry")).then(byCountry);
  },
  programsByYear: (ctx: SubgraphContext, scope: StatisticsScope) => {
    const { qb, where } = editions(ctx, scope);
    return grouped(qb, where, YEAR_OF_EDITION, { distinct: "e.programId" }, `(${placeholderSql("p")} OR ${placeholderSql("e", "plannedStartDate")})`);
  },
  programsByModality: (ctx: SubgraphContext, scope: StatisticsScope) => {
    const { qb, where } = programs(ctx, scope);
    return grouped(qb, where, `COALESCE(p.modality, '${NO_MODALITY}')`, ALL, placeholderSql("p", "modality"));
  },
  programsBySdgGoal: (ctx: SubgraphContext, scope: StatisticsScope) => {
    const { qb, where } = programs(ctx, scope);
    return grouped(qb.innerJoin(ProgramSdgTarget, "s", "s.programId = p.id"), where, "s.goal", { distinct: "p.id" }, placeholderSql("p", "sdgGoals")).then(
      byGoal,
    );
  },
} satisfies Record<string, (ctx: SubgraphContext, scope: StatisticsScope) => Promise<StatisticsBucket[]>>;

/** Totals in scope: one COUNT each. */
const countTotals = {
  placeholderProgramCount: (ctx: SubgraphContext, scope: StatisticsScope) => {
    const { qb, where } = programs(ctx, scope);
    return where.add(placeholderSql("p")).applyTo(qb).getCount();
  },
  placeholderEditionCount: (ctx: SubgraphContext, scope: StatisticsScope) => {
    const { qb, where } = editions(ctx, scope);
    return where.add(placeholderSql("e")).applyTo(qb).getCount();
  },
  placeholderParticipationCount: (ctx: SubgraphContext, scope: StatisticsScope) => {
    const { qb, where } = participations(ctx, scope);
    return where.add(placeholderSql("pa")).applyTo(qb).getCount();
  },
  programCount: (ctx: SubgraphContext, scope: StatisticsScope) => {
    const { qb, where } = programs(ctx, scope);
    return where.applyTo(qb).getCount();
  },
  editionCount: (ctx: SubgraphContext, scope: StatisticsScope) => {
    const { qb, where } = editions(ctx, scope);
    return where.applyTo(qb).getCount();
  },
  participationCount: (ctx: SubgraphContext, scope: StatisticsScope) => {
    const { qb, where } = participations(ctx, scope);
    return where.applyTo(qb).getCount();
  },
  personCount: async (ctx: SubgraphContext, scope: StatisticsScope) => {
    const { qb, where } = participations(ctx, scope);
    const row: { people: string | number } | undefined = await where.applyTo(qb).select(`COUNT(DISTINCT ${PEOPLE.distinct})`, "people").getRawOne();
    return Number(row?.people ?? 0);
  },
};

type Counted<T> = { [K in keyof T]: T[K] extends (ctx: SubgraphContext, scope: StatisticsScope) => Promise<infer R> ? R : never };

/** The figures of `table`, each answered from the statistics cache (statistics.cache.ts) when counted since the last write. */
function cached<T extends Record<string, (ctx: SubgraphContext, scope: StatisticsScope) => Promise<StatisticsBucket[] | number>>>(table: T) {
  return Object.fromEntries(
    Object.entries(table).map(([name, count]) => [
      name,
      (ctx: SubgraphContext, scope: StatisticsScope) => cachedFigure(ctx, name, scope, () => count(ctx, scope)),
    ]),
  ) as { [K in keyof T]: (ctx: SubgraphContext, scope: StatisticsScope) => Promise<Counted<T>[K]> };
}

/** Every breakdown the dashboard statistics offer, by GraphQL field name. */
export const breakdowns = cached(countBreakdowns);

/** Totals in scope. */
export const totals = cached(countTotals);
