import type { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import type { SubgraphContext } from "@sstc/subgraph-kit";
import { Edition } from "../edition/edition.entity";
import { Participation } from "../participation/participation.entity";
import { Program } from "../program/program.entity";
import { ProgramSdgTarget } from "../sdg/program-sdg-target.entity";
import { SqlConditions } from "../search/sql-conditions";
import { editionsInScope, programsInScope } from "./statistics.scope";
import type { StatisticsBucket, StatisticsScope } from "./statistics.types";

/*
 * Every breakdown is one GROUP BY statement: the database counts, nothing
 * is loaded row by row. The year of an edition is SUBSTR(date, 1, 4),
 * which SQLite (ISO text) and MySQL (DATE) both answer with "2023".
 */
export const YEAR_OF_EDITION = "SUBSTR(e.plannedStartDate, 1, 4)";
/** Keys for values a record may lack, so every group has a name. */
export const NO_MODALITY = "NONE";
export const GENDER_NOT_RECORDED = "NOT_RECORDED";

/** Runs a grouped count: `bucket` names the group, `count` counts it; groups ordered by key. */
async function grouped<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, where: SqlConditions, bucket: string, count: string): Promise<StatisticsBucket[]> {
  const rows: Array<{ bucket: string | number; count: string | number }> = await where
    .applyTo(qb)
    .select(bucket, "bucket")
    .addSelect(count, "count")
    .groupBy("bucket")
    .orderBy("bucket", "ASC")
    .getRawMany();
  return rows.map((r) => ({ key: String(r.bucket), count: Number(r.count) }));
}

/** Participations in scope, with their edition `e` and programme `p`. */
function participations(ctx: SubgraphContext, scope: StatisticsScope) {
  const where = new SqlConditions();
  editionsInScope(scope, "e", where);
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

/** Every breakdown the dashboard statistics offer, by GraphQL field name. */
export const breakdowns = {
  participantsByCountry: (ctx: SubgraphContext, scope: StatisticsScope) => {
    const { qb, where } = participations(ctx, scope);
    return grouped(qb, where, "pa.countryCode", "COUNT(*)");
  },
  participantsByGender: (ctx: SubgraphContext, scope: StatisticsScope) => {
    const { qb, where } = participations(ctx, scope);
    return grouped(qb, where, `COALESCE(pa.gender, '${GENDER_NOT_RECORDED}')`, "COUNT(*)");
  },
  participantsByRole: (ctx: SubgraphContext, scope: StatisticsScope) => {
    const { qb, where } = participations(ctx, scope);
    return grouped(qb, where, "pa.role", "COUNT(*)");
  },
  participantsByYear: (ctx: SubgraphContext, scope: StatisticsScope) => {
    const { qb, where } = participations(ctx, scope);
    return grouped(qb, where, YEAR_OF_EDITION, "COUNT(*)");
  },
  editionsByYear: (ctx: SubgraphContext, scope: StatisticsScope) => {
    const { qb, where } = editions(ctx, scope);
    return grouped(qb, where, YEAR_OF_EDITION, "COUNT(*)");
  },
  editionsByModality: (ctx: SubgraphContext, scope: StatisticsScope) => {
    const { qb, where } = editions(ctx, scope);
    return grouped(qb, where, `COALESCE(p.modality, '${NO_MODALITY}')`, "COUNT(*)");
  },
  editionsBySdgGoal: (ctx: SubgraphContext, scope: StatisticsScope) => {
    const { qb, where } = editions(ctx, scope);
    return grouped(qb.innerJoin(ProgramSdgTarget, "s", "s.programId = e.programId"), where, "s.goal", "COUNT(DISTINCT e.id)");
  },
  editionsByHostCountry: (ctx: SubgraphContext, scope: StatisticsScope) => {
    const { qb, where } = editions(ctx, scope);
    return grouped(qb, where, "e.venueCountryCode", "COUNT(*)");
  },
  programsByYear: (ctx: SubgraphContext, scope: StatisticsScope) => {
    const { qb, where } = editions(ctx, scope);
    return grouped(qb, where, YEAR_OF_EDITION, "COUNT(DISTINCT e.programId)");
  },
  programsByModality: (ctx: SubgraphContext, scope: StatisticsScope) => {
    const { qb, where } = programs(ctx, scope);
    return grouped(qb, where, `COALESCE(p.modality, '${NO_MODALITY}')`, "COUNT(*)");
  },
  programsBySdgGoal: (ctx: SubgraphContext, scope: StatisticsScope) => {
    const { qb, where } = programs(ctx, scope);
    return grouped(qb.innerJoin(ProgramSdgTarget, "s", "s.programId = p.id"), where, "s.goal", "COUNT(DISTINCT p.id)");
  },
} satisfies Record<string, (ctx: SubgraphContext, scope: StatisticsScope) => Promise<StatisticsBucket[]>>;

/** Totals in scope: one COUNT each. */
export const totals = {
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
};
