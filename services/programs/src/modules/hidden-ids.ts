import type { EntityTarget, ObjectLiteral } from "typeorm";
import { assertId, BadUserInputError, type SubgraphContext } from "@sstc/subgraph-kit";

export const AMONG = "Only these ids are considered (at most 10000); all of them when omitted.";

/** The most ids one `among` may name: the partners subgraph asks about the rows of one request, never the whole table. */
const MAX_AMONG = 10_000;
/** Ids per statement: well under every database's limit on bound parameters. */
const CHUNK = 500;

/**
 * The ids of `entity` rows (alias `alias`) meeting `condition`, ordered;
 * only of those in `among` when given, looked up by primary key in chunks,
 * so the work follows the ids asked about rather than the size of the table.
 */
export async function idsWhere<T extends ObjectLiteral>(
  ctx: SubgraphContext,
  entity: EntityTarget<T>,
  alias: string,
  condition: string,
  among: string[] | undefined,
  withDeleted: boolean,
): Promise<string[]> {
  const query = () => {
    const qb = ctx.db.getRepository(entity).createQueryBuilder(alias).select(`${alias}.id`, "id").where(`(${condition})`).orderBy(`${alias}.id`);
    return withDeleted ? qb.withDeleted() : qb;
  };
  const read = async (qb: ReturnType<typeof query>) => ((await qb.getRawMany()) as Array<{ id: string }>).map((r) => r.id);
  if (among === undefined) return read(query());
  if (among.length > MAX_AMONG) throw new BadUserInputError(`"among" may name at most ${MAX_AMONG} ids; got ${among.length}.`, { argument: "among" });
  const ids = [...new Set(among.map((id) => assertId(id, "among")))];
  const found: string[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) found.push(...(await read(query().andWhere(`${alias}.id IN (:...among)`, { among: ids.slice(i, i + CHUNK) }))));
  return found.sort();
}
