import type { SubgraphContext } from "@sstc/subgraph-kit";
import { publishedEditionCondition } from "../publication";
import { assertId, isMysql, Language, paginate, SortDirection, type KeysetOrder, type PageArgs } from "@sstc/subgraph-kit";
import { Edition } from "./edition.entity";
import { EditionOrderField, type EditionFilter, type EditionOrder } from "./edition.filters";
import { editionConditions, hasCriteria, programMatches } from "../search/criteria";
import { readSharedFilter } from "../search/filter-fields";
import { SqlConditions } from "../search/sql-conditions";
import { addTextSearch, anyColumnLike, searchWords } from "../search/text-search";
import { programIdsOfPartner } from "../partnership/partner-programs";
import { versionedPageCache } from "../statistics/statistics.cache";

/** One page of the editions matching `filter`, in the order asked for. */
export async function searchEditions(ctx: SubgraphContext, filter: EditionFilter | null | undefined, order: EditionOrder | null | undefined, page: PageArgs) {
  const input = filter ?? {};
  const { program, edition } = readSharedFilter(input, "filter");
  if (input.status) edition.status = input.status;
  const programId = input.programId != null ? assertId(input.programId, "filter.programId") : undefined;
  const words = input.search != null ? searchWords(input.search, "filter.search") : undefined;
  const partnerProgramIds = program.partner ? await programIdsOfPartner(ctx, program.partner) : undefined;

  const where = new SqlConditions();
  editionConditions(edition, "e", where);
  if (programId) where.add(`e.programId = ${where.param(programId)}`);
  if (hasCriteria(program)) programMatches(program, "e", where, partnerProgramIds);
  if (words) {
    const mysql = isMysql(ctx.db);
    const inProgram = anyColumnLike(["sp.titleEn", "sp.titleId", "sp.summaryEn", "sp.summaryId"], mysql);
    addTextSearch(
      where,
      words,
      (pattern) =>
        `${anyColumnLike(["e.titleEn", "e.titleId"], mysql)(pattern)} OR e.programId IN (SELECT sp.id FROM programs sp WHERE sp.deletedAt IS NULL AND (${inProgram(pattern)}))`,
    );
  }
  const qb = where.applyTo(ctx.db.getRepository(Edition).createQueryBuilder("e"));
  const published = publishedEditionCondition(ctx, "e");
  if (published) qb.andWhere(published);
  return paginate(qb, page, editionKeyset(order), await versionedPageCache(ctx));
}

/** The keyset order for a client's choice. */
export function editionKeyset(order: EditionOrder | null | undefined): KeysetOrder<Edition> {
  const direction = order?.direction ?? SortDirection.ASC;
  if ((order?.field ?? EditionOrderField.START_DATE) === EditionOrderField.TITLE) {
    return order?.lang === Language.ID ? { expression: "COALESCE(e.titleId, e.titleEn)", name: "titleId", direction } : { property: "titleEn", direction };
  }
  return { property: "plannedStartDate", direction };
}
