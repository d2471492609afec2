import type { SubgraphContext } from "@sstc/subgraph-kit";
import { isMysql, Language, paginate, SortDirection, type KeysetOrder, type PageArgs } from "@sstc/subgraph-kit";
import { Program } from "./program.entity";
import { ProgramOrderField, type ProgramFilter, type ProgramOrder } from "./program.filters";
import { hasCriteria, hasMatchingEdition, programConditions } from "../search/criteria";
import { readSharedFilter } from "../search/filter-fields";
import { SqlConditions } from "../search/sql-conditions";
import { addTextSearch, anyColumnLike, searchWords } from "../search/text-search";
import { programIdsOfPartner } from "../partnership/partner-programs";
import { publishedCondition } from "../publication";
import { versionedPageCache } from "../statistics/statistics.cache";

/** One page of the programmes matching `filter`, in the order asked for. */
export async function searchPrograms(ctx: SubgraphContext, filter: ProgramFilter | null | undefined, order: ProgramOrder | null | undefined, page: PageArgs) {
  const input = filter ?? {};
  const { program, edition } = readSharedFilter(input, "filter");
  if (input.status) program.status = input.status;
  const words = input.search != null ? searchWords(input.search, "filter.search") : undefined;
  const partnerProgramIds = program.partner ? await programIdsOfPartner(ctx, program.partner) : undefined;

  const where = new SqlConditions();
  programConditions(program, "p", where, partnerProgramIds);
  if (hasCriteria(edition)) hasMatchingEdition(edition, "p", where);
  if (words) addTextSearch(where, words, anyColumnLike(["p.titleEn", "p.titleId", "p.summaryEn", "p.summaryId"], isMysql(ctx.db)));
  const qb = where.applyTo(ctx.db.getRepository(Program).createQueryBuilder("p"));
  const published = publishedCondition(ctx, "p");
  if (published) qb.andWhere(published);
  return paginate(qb, page, programKeyset(order), await versionedPageCache(ctx));
}

/** The keyset order for a client's choice; every key is NOT NULL (see START_DATE). */
export function programKeyset(order: ProgramOrder | null | undefined): KeysetOrder<Program> {
  const direction = order?.direction ?? SortDirection.ASC;
  switch (order?.field ?? ProgramOrderField.CODE) {
    case ProgramOrderField.TITLE:
      return order?.lang === Language.ID ? { expression: "COALESCE(p.titleId, p.titleEn)", name: "titleId", direction } : { property: "titleEn", direction };
    case ProgramOrderField.START_DATE: {
      // A programme has no start of its own: its first edition's planned start, or a
      // sentinel that puts programmes without editions last in either direction.
      const none = direction === SortDirection.ASC ? "9999-12-31" : "0001-01-01";
      return {
        // firstEditionStart is kept by triggers on editions (migration 1733600000000).
        expression: `COALESCE(p.firstEditionStart, '${none}')`,
        name: "firstEditionStart",
        direction,
      };
    }
    default:
      return { property: "code", direction };
  }
}
