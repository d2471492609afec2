import { type SubgraphContext } from "@sstc/subgraph-kit";
import { Edition } from "../edition/edition.entity";
import { Participation, ParticipationRole } from "../participation/participation.entity";
import { CountryCooperationStats } from "./cooperation-stats.types";
import { countedEditions, seesDrafts } from "../publication";
import { cachedBatch } from "./statistics.cache";

/**
 * Cooperation statistics for many countries in two GROUP BY statements (one
 * over participations, one over hosted editions) — counted by the database,
 * never by loading rows; cached until the next write like every statistic
 * (statistics.cache.ts).
 */
export function cooperationStatsByCountry(ctx: SubgraphContext) {
  return ctx.loaders.get<string, CountryCooperationStats>("Country.cooperationStats", (codes) =>
    cachedBatch(ctx, "Country.cooperationStats", seesDrafts(ctx) ? "drafts" : "published", codes, (keys) => countByCountry(ctx, keys)),
  );
}

async function countByCountry(ctx: SubgraphContext, keys: string[]): Promise<CountryCooperationStats[]> {
  const attended: Array<{ code: string; participations: string | number; sent: string | number; editions: string | number; programs: string | number }> =
    await ctx.db
      .getRepository(Participation)
      .createQueryBuilder("p")
      .innerJoin(Edition, "e", "e.id = p.editionId AND e.deletedAt IS NULL")
      .select("p.countryCode", "code")
      .addSelect("COUNT(*)", "participations")
      .addSelect("SUM(CASE WHEN p.role = :participant THEN 1 ELSE 0 END)", "sent")
      .addSelect("COUNT(DISTINCT p.editionId)", "editions")
      .addSelect("COUNT(DISTINCT e.programId)", "programs")
      .where("p.countryCode IN (:...keys)", { keys, participant: ParticipationRole.PARTICIPANT })
      .andWhere(countedEditions(ctx, "e"))
      .groupBy("p.countryCode")
      .getRawMany();
  const hosted: Array<{ code: string; hosted: string | number; programs: string | number }> = await ctx.db
    .getRepository(Edition)
    .createQueryBuilder("e")
    .select("e.venueCountryCode", "code")
    .addSelect("COUNT(*)", "hosted")
    .addSelect("COUNT(DISTINCT e.programId)", "programs")
    .where("e.venueCountryCode IN (:...keys)", { keys })
    .andWhere(countedEditions(ctx, "e"))
    .groupBy("e.venueCountryCode")
    .getRawMany();
  const byCode = new Map(attended.map((r) => [r.code, r]));
  const hostedByCode = new Map(hosted.map((r) => [r.code, r]));
  return keys.map((code) => {
    const row = byCode.get(code);
    return Object.assign(new CountryCooperationStats(), {
      participations: Number(row?.participations ?? 0),
      participantsSent: Number(row?.sent ?? 0),
      editionsAttended: Number(row?.editions ?? 0),
      programsAttended: Number(row?.programs ?? 0),
      editionsHosted: Number(hostedByCode.get(code)?.hosted ?? 0),
      programsHosted: Number(hostedByCode.get(code)?.programs ?? 0),
    });
  });
}
