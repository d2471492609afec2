import { hasRole, NotFoundError, referenced, referencesByKey, type SubgraphContext } from "@sstc/subgraph-kit";
import { Program } from "./program/program.entity";

/*
 * Drafts (published = false) of programmes and editions are seen by the
 * partner role and above; for the public they do not exist — not in lists, not
 * by id, not through references from other subgraphs. An edition of a draft
 * programme is as hidden as the programme: it is public only when both are
 * published.
 */

/** True when the caller may see unpublished programmes and editions. */
export const seesDrafts = (ctx: SubgraphContext) => hasRole(ctx.principal, "partner");

/** The row, or null when it is a draft the caller may not see. */
export function visible<T extends { published: boolean }>(ctx: SubgraphContext, row: T | null | undefined): T | null {
  return row && (row.published || seesDrafts(ctx)) ? row : null;
}

/** What a reference to `row` reads as: null when it is a draft the caller may not see, or deleted (see `referenced`). */
export const visibleReference = <T extends { published: boolean; deletedAt: Date | null }>(ctx: SubgraphContext, row: T | null | undefined): T | null =>
  visible(ctx, referenced(ctx, row));

/** Like `visible`, but NOT_FOUND — exactly as for a record that does not exist. */
export function visibleOrNotFound<T extends { published: boolean }>(ctx: SubgraphContext, row: T, typeName: string, key: string): T {
  if (!visible(ctx, row)) throw new NotFoundError(typeName, key);
  return row;
}

/** The edition, or null when the caller may not see it or its programme (drafts); one batched programme look-up. */
export async function visibleEdition<T extends { published: boolean; programId: string }>(
  ctx: SubgraphContext,
  edition: T | null | undefined,
): Promise<T | null> {
  if (!edition || seesDrafts(ctx)) return edition ?? null;
  if (!edition.published) return null;
  const program = await referencesByKey(ctx, Program, "id").load(edition.programId);
  return program?.published ? edition : null;
}

/** What a reference to an edition reads as: null when deleted (see `referenced`) or hidden with its programme. */
export const visibleEditionReference = <T extends { published: boolean; deletedAt: Date | null; programId: string }>(
  ctx: SubgraphContext,
  edition: T | null | undefined,
) => visibleEdition(ctx, referenced(ctx, edition));

/** Like `visibleEdition`, but NOT_FOUND — exactly as for an edition that does not exist. */
export async function visibleEditionOrNotFound<T extends { published: boolean; programId: string }>(ctx: SubgraphContext, edition: T, key: string): Promise<T> {
  if (!(await visibleEdition(ctx, edition))) throw new NotFoundError("Edition", key);
  return edition;
}

/** The extra condition for child lists of editions (alias `t`): the edition and its programme published. */
export const publishedEditionsOnly = (ctx: SubgraphContext): { where?: string } => (seesDrafts(ctx) ? {} : { where: publishedEditionSql("t") });

/** The extra condition for child lists of programmes or editions (alias `t`). */
export const publishedOnly = (ctx: SubgraphContext): { where?: string } => (seesDrafts(ctx) ? {} : { where: "t.published = 1" });

/** SQL for "edition `e` is published and so is its programme" (aggregates that must leave drafts out). */
export const publishedEditionSql = (e: string) => `${e}.published = 1 AND ${e}.programId IN (SELECT dp.id FROM programs dp WHERE dp.published = 1)`;

/** For aggregates: the condition on editions `e` for this caller ("1 = 1" when drafts count). */
export const countedEditions = (ctx: SubgraphContext, e: string) => (seesDrafts(ctx) ? "1 = 1" : publishedEditionSql(e));

/** For aggregates: the condition on programmes `p` for this caller. */
export const countedPrograms = (ctx: SubgraphContext, p: string) => (seesDrafts(ctx) ? "1 = 1" : `${p}.published = 1`);

/** The condition on editions of a query builder alias: the edition and its programme published. */
export const publishedEditionCondition = (ctx: SubgraphContext, alias: string): string | null => (seesDrafts(ctx) ? null : publishedEditionSql(alias));

/** The condition for a query builder alias. */
export const publishedCondition = (ctx: SubgraphContext, alias: string): string | null => (seesDrafts(ctx) ? null : `${alias}.published = 1`);
