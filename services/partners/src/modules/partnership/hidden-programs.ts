import { callSubgraph, hasRole, seesDeleted, type SubgraphContext } from "@sstc/subgraph-kit";

/*
 * Which programmes this caller may not see. Drafts and deleted programmes
 * are known only to the programs subgraph, whose database this subgraph
 * never reads, so it asks there (internal, @inaccessible queries) — on the
 * caller's own account, so the answer is decided by the programs
 * subgraph's own publication rules.
 */
const QUERY_BELOW_PARTNER = "query HiddenPrograms { hiddenDraftProgramIds hiddenDeletedProgramIds hiddenEditionIds }";
const QUERY_BELOW_EDITOR = "query HiddenPrograms { hiddenDeletedProgramIds hiddenEditionIds }";

/** The programme ids hidden from one caller. */
export interface HiddenPrograms {
  /** Drafts: their partnerships are left out of every list. */
  drafts: string[];
  /** Drafts and deleted programmes: a reference to one of them reads as null. */
  all: ReadonlySet<string>;
  /** Editions the caller may not see (drafts below the partner role, deleted ones below the editor role). */
  editions: ReadonlySet<string>;
}

const NOTHING_HIDDEN: HiddenPrograms = { drafts: [], all: new Set(), editions: new Set() };

/**
 * The programmes hidden from this caller, asked of the programs subgraph at
 * most once per request and only for callers below the editor role (editors
 * and admins see drafts, and deleted programmes marked). A failed call fails
 * every field that needs the answer: nothing is shown that might be hidden.
 */
export function hiddenPrograms(ctx: SubgraphContext): Promise<HiddenPrograms> {
  if (seesDeleted(ctx)) return Promise.resolve(NOTHING_HIDDEN);
  const belowPartner = !hasRole(ctx.principal, "partner");
  const loader = ctx.loaders.get<string, HiddenPrograms>("Program.hidden", async (keys) => {
    try {
      const data = await callSubgraph<{ hiddenDraftProgramIds?: string[]; hiddenDeletedProgramIds: string[]; hiddenEditionIds: string[] }>(
        ctx.links,
        "programs",
        ctx.principal,
        belowPartner ? QUERY_BELOW_PARTNER : QUERY_BELOW_EDITOR,
      );
      const drafts = data.hiddenDraftProgramIds ?? [];
      const hidden: HiddenPrograms = { drafts, all: new Set([...drafts, ...data.hiddenDeletedProgramIds]), editions: new Set(data.hiddenEditionIds) };
      return keys.map(() => hidden);
    } catch (error) {
      // Returned rather than thrown, so DataLoader keeps the failure cached and the call is not repeated in this request.
      return keys.map(() => error as Error);
    }
  });
  return loader.load("caller");
}

/** The extra condition on partnerships (alias `t`) that leaves out those of draft programmes and draft editions hidden from the caller. */
export async function visiblePartnerships(ctx: SubgraphContext): Promise<{ where?: string; parameters?: Record<string, unknown> }> {
  if (hasRole(ctx.principal, "partner")) return {};
  const { drafts, editions } = await hiddenPrograms(ctx);
  const where: string[] = [];
  const parameters: Record<string, unknown> = {};
  if (drafts.length) {
    where.push("t.programId NOT IN (:...hiddenDraftProgramIds)");
    parameters.hiddenDraftProgramIds = drafts;
  }
  if (editions.size) {
    where.push("(t.editionId IS NULL OR t.editionId NOT IN (:...hiddenEditionIds))");
    parameters.hiddenEditionIds = [...editions];
  }
  return where.length ? { where: where.join(" AND "), parameters } : {};
}
