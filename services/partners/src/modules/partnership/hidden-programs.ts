import { callSubgraph, hasRole, seesDeleted, type SubgraphContext } from "@sstc/subgraph-kit";
import { ProgramPartnership } from "./partnership.entity";

/*
 * Which programmes and editions this caller may not see. Drafts and deleted
 * programmes are known only to the programs subgraph, whose database this
 * subgraph never reads, so it asks there (internal, @inaccessible queries)
 * — on the caller's own account, so the answer is decided by the programs
 * subgraph's own publication rules — and only about the ids at hand: those
 * the partnerships of this request point at, never the whole table, so
 * the work grows with the page and not with the data.
 */
const QUERY_BELOW_PARTNER = `query HiddenPrograms($programIds: [ID!]!, $editionIds: [ID!]!) {
  hiddenDraftProgramIds(among: $programIds) hiddenDeletedProgramIds(among: $programIds) hiddenEditionIds(among: $editionIds)
}`;
const QUERY_BELOW_EDITOR = `query HiddenPrograms($programIds: [ID!]!, $editionIds: [ID!]!) {
  hiddenDeletedProgramIds(among: $programIds) hiddenEditionIds(among: $editionIds)
}`;

/** Why the caller may not see a programme or edition; null when it may. */
type Hidden = "draft" | "deleted" | "hidden" | null;

const programKey = (id: string) => `p:${id}`;
const editionKey = (id: string) => `e:${id}`;

/**
 * Whether each programme (`p:<id>`) or edition (`e:<id>`) is hidden from
 * this caller, and why: every key asked for in one tick goes to the
 * programs subgraph in one call. A failed call fails every field that needs
 * its answer: nothing is shown that might be hidden.
 */
function hiddenLoader(ctx: SubgraphContext) {
  const belowPartner = !hasRole(ctx.principal, "partner");
  return ctx.loaders.get<string, Hidden>("Program.hiddenAmong", async (keys) => {
    const programIds = keys.filter((k) => k.startsWith("p:")).map((k) => k.slice(2));
    const editionIds = keys.filter((k) => k.startsWith("e:")).map((k) => k.slice(2));
    try {
      const data = await callSubgraph<{ hiddenDraftProgramIds?: string[]; hiddenDeletedProgramIds: string[]; hiddenEditionIds: string[] }>(
        ctx.links,
        "programs",
        ctx.principal,
        belowPartner ? QUERY_BELOW_PARTNER : QUERY_BELOW_EDITOR,
        { programIds, editionIds },
      );
      const why = new Map<string, Hidden>([
        ...data.hiddenDeletedProgramIds.map((id): [string, Hidden] => [programKey(id), "deleted"]),
        ...(data.hiddenDraftProgramIds ?? []).map((id): [string, Hidden] => [programKey(id), "draft"]),
        ...data.hiddenEditionIds.map((id): [string, Hidden] => [editionKey(id), "hidden"]),
      ]);
      return keys.map((k) => why.get(k) ?? null);
    } catch (error) {
      // Returned rather than thrown, so DataLoader keeps the failure cached and the call is not repeated in this request.
      return keys.map(() => error as Error);
    }
  });
}

/** True when the caller may not follow a reference to this programme (a draft below the partner role, or deleted below the editor role). */
export async function programHidden(ctx: SubgraphContext, programId: string): Promise<boolean> {
  if (seesDeleted(ctx)) return false;
  return (await hiddenLoader(ctx).load(programKey(programId))) !== null;
}

/** True when the caller may not see this edition. */
export async function editionHidden(ctx: SubgraphContext, editionId: string): Promise<boolean> {
  if (seesDeleted(ctx)) return false;
  return (await hiddenLoader(ctx).load(editionKey(editionId))) !== null;
}

type Parent = "programId" | "editionId" | "partnerId";

/**
 * The extra condition on partnerships (alias `t`) that leaves out those of
 * draft programmes and draft editions hidden from the caller, for lists of
 * the partnerships of `parentId` (by `parent`). Every parent asked for in
 * one tick shares one look-up: the programmes and editions their live
 * partnerships point at (one indexed statement), then which of those are
 * hidden (one call), and one condition for all of them, so their pages
 * still load in one statement.
 */
export async function visiblePartnerships(
  ctx: SubgraphContext,
  parent: Parent,
  parentId: string,
): Promise<{ where?: string; parameters?: Record<string, unknown> }> {
  if (hasRole(ctx.principal, "partner")) return {};
  const loader = ctx.loaders.get<string, { where?: string; parameters?: Record<string, unknown> }>(
    `ProgramPartnership.visible.${parent}`,
    async (parentIds) => {
      const rows: Array<{ programId: string; editionId: string | null }> = await ctx.db
        .getRepository(ProgramPartnership)
        .createQueryBuilder("t")
        .select("t.programId", "programId")
        .addSelect("t.editionId", "editionId")
        .distinct(true)
        .where(`t.${parent} IN (:...parentIds)`, { parentIds: [...parentIds] })
        .getRawMany();
      const programIds = [...new Set(rows.map((r) => r.programId))];
      const editionIds = [...new Set(rows.flatMap((r) => (r.editionId ? [r.editionId] : [])))];
      try {
        const loader = hiddenLoader(ctx);
        const [programs, editionFlags] = await Promise.all([
          Promise.all(programIds.map((id) => loader.load(programKey(id)))),
          Promise.all(editionIds.map((id) => loader.load(editionKey(id)))),
        ]);
        // Only drafts leave lists; a deleted programme's partnerships stay, and its reference reads as null.
        const drafts = programIds.filter((_, i) => programs[i] === "draft").sort();
        const editions = editionIds.filter((_, i) => editionFlags[i] !== null).sort();
        const where: string[] = [];
        const parameters: Record<string, unknown> = {};
        if (drafts.length) {
          where.push("t.programId NOT IN (:...hiddenDraftProgramIds)");
          parameters.hiddenDraftProgramIds = drafts;
        }
        if (editions.length) {
          where.push("(t.editionId IS NULL OR t.editionId NOT IN (:...hiddenEditionIds))");
          parameters.hiddenEditionIds = editions;
        }
        const condition = where.length ? { where: where.join(" AND "), parameters } : {};
        return parentIds.map(() => condition);
      } catch (error) {
        return parentIds.map(() => error as Error);
      }
    },
  );
  return loader.load(parentId);
}
