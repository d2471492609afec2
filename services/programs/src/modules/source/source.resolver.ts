import { Arg, Args, Ctx, ID, Query, Resolver } from "type-graphql";
import { In } from "typeorm";
import { assertId, findOrFail, PageArgs, paginate, referencesByKey, type SubgraphContext } from "@sstc/subgraph-kit";
import { Source, SourceConnection } from "./source.entity";

@Resolver(() => Source)
export class SourceResolver {
  @Query(() => Source, { nullable: true, description: "A source by id." })
  source(@Arg("id", () => ID, { description: "Source id." }) id: string, @Ctx() ctx: SubgraphContext) {
    return findOrFail(ctx, Source, "id", assertId(id), "Source");
  }

  @Query(() => SourceConnection, { nullable: true, description: "Every source records cite, by title, a page at a time." })
  sources(@Args() page: PageArgs, @Ctx() ctx: SubgraphContext) {
    return paginate(ctx.db.getRepository(Source).createQueryBuilder("t"), page, { property: "title" });
  }
}

/** Sources by id, in the order given (cited ids of live sources only). */
export async function sourcesById(ctx: SubgraphContext, ids: string[]): Promise<Source[]> {
  if (!ids.length) return [];
  const rows = await ctx.db.getRepository(Source).findBy({ id: In(ids) });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export const sourceReference = {
  Source: {
    __resolveReference: (ref: { id: string }, ctx: SubgraphContext) => referencesByKey(ctx, Source, "id").load(ref.id),
  },
};
