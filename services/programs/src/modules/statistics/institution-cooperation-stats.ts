import { type SubgraphContext } from "@sstc/subgraph-kit";
import { Edition } from "../edition/edition.entity";
import { Participation, ParticipationRole } from "../participation/participation.entity";
import { Program } from "../program/program.entity";
import { InstitutionCooperationStats } from "./cooperation-stats.types";
import { countedEditions, countedPrograms, seesDrafts } from "../publication";
import { cachedBatch } from "./statistics.cache";

type Count = string | number;

/**
 * Cooperation statistics for many institutions in three GROUP BY statements
 * (people sent, editions hosted, programmes led) whatever their number —
 * counted by the database, never by loading rows; cached until the next
 * write like every statistic (statistics.cache.ts).
 */
export function cooperationStatsByInstitution(ctx: SubgraphContext) {
  return ctx.loaders.get<string, InstitutionCooperationStats>("Institution.cooperationStats", (ids) =>
    cachedBatch(ctx, "Institution.cooperationStats", seesDrafts(ctx) ? "drafts" : "published", ids, (keys) => countByInstitution(ctx, keys)),
  );
}

async function countByInstitution(ctx: SubgraphContext, keys: string[]): Promise<InstitutionCooperationStats[]> {
  const sent: Array<{ id: string; participations: Count; sent: Count; editions: Count; programs: Count }> = await ctx.db
    .getRepository(Participation)
    .createQueryBuilder("pa")
    .innerJoin(Edition, "e", "e.id = pa.editionId AND e.deletedAt IS NULL")
    .select("pa.institutionId", "id")
    .addSelect("COUNT(*)", "participations")
    .addSelect("SUM(CASE WHEN pa.role = :participant THEN 1 ELSE 0 END)", "sent")
    .addSelect("COUNT(DISTINCT pa.editionId)", "editions")
    .addSelect("COUNT(DISTINCT e.programId)", "programs")
    .where("pa.institutionId IN (:...keys)", { keys, participant: ParticipationRole.PARTICIPANT })
    .andWhere(countedEditions(ctx, "e"))
    .groupBy("pa.institutionId")
    .getRawMany();
  const hosted: Array<{ id: string; editions: Count; programs: Count }> = await ctx.db
    .getRepository(Edition)
    .createQueryBuilder("e")
    .select("e.hostInstitutionId", "id")
    .addSelect("COUNT(*)", "editions")
    .addSelect("COUNT(DISTINCT e.programId)", "programs")
    .where("e.hostInstitutionId IN (:...keys)", { keys })
    .andWhere(countedEditions(ctx, "e"))
    .groupBy("e.hostInstitutionId")
    .getRawMany();
  const led: Array<{ id: string; programs: Count }> = await ctx.db
    .getRepository(Program)
    .createQueryBuilder("p")
    .select("p.leadInstitutionId", "id")
    .addSelect("COUNT(*)", "programs")
    .where("p.leadInstitutionId IN (:...keys)", { keys })
    .andWhere(countedPrograms(ctx, "p"))
    .groupBy("p.leadInstitutionId")
    .getRawMany();
  const sentBy = new Map(sent.map((r) => [r.id, r]));
  const hostedBy = new Map(hosted.map((r) => [r.id, r]));
  const ledBy = new Map(led.map((r) => [r.id, r]));
  return keys.map((id) =>
    Object.assign(new InstitutionCooperationStats(), {
      editionsHosted: Number(hostedBy.get(id)?.editions ?? 0),
      programsHosted: Number(hostedBy.get(id)?.programs ?? 0),
      programsLed: Number(ledBy.get(id)?.programs ?? 0),
      participations: Number(sentBy.get(id)?.participations ?? 0),
      participantsSent: Number(sentBy.get(id)?.sent ?? 0),
      editionsAttended: Number(sentBy.get(id)?.editions ?? 0),
      programsAttended: Number(sentBy.get(id)?.programs ?? 0),
    }),
  );
}
