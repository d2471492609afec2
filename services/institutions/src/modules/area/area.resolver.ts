import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { assertId, childPages, findOrFail, PageArgs, paginate, referencesByKey, type SubgraphContext } from "@sstc/subgraph-kit";
import { AdministrativeArea, AdministrativeAreaConnection, AreaLevel } from "./area.entity";
import { Country } from "../country/country.entity";

@Resolver(() => AdministrativeArea)
export class AreaResolver {
  @Query(() => AdministrativeArea, { nullable: true, description: "An administrative area by id." })
  administrativeArea(@Arg("id", () => ID, { description: "Area id." }) id: string, @Ctx() ctx: SubgraphContext) {
    return findOrFail(ctx, AdministrativeArea, "id", assertId(id), "AdministrativeArea");
  }

  @Query(() => AdministrativeAreaConnection, { nullable: true, description: "Administrative areas ordered by English name." })
  administrativeAreas(
    @Args() page: PageArgs,
    @Arg("level", () => AreaLevel, { nullable: true, description: "Only areas of this level." }) level: AreaLevel | undefined,
    @Arg("parentId", () => ID, { nullable: true, description: "Only areas directly inside this area." }) parentId: string | undefined,
    @Ctx() ctx: SubgraphContext,
  ) {
    const qb = ctx.db.getRepository(AdministrativeArea).createQueryBuilder("a");
    if (level) qb.andWhere("a.level = :level", { level });
    if (parentId) qb.andWhere("a.parentId = :parentId", { parentId: assertId(parentId, "parentId") });
    return paginate(qb, page, { property: "nameEn" });
  }

  @FieldResolver(() => AdministrativeArea, { nullable: true, description: "The area this one lies in (a regency's province)." })
  parent(@Root() area: AdministrativeArea, @Ctx() ctx: SubgraphContext) {
    return area.parentId ? referencesByKey(ctx, AdministrativeArea, "id").load(area.parentId) : null;
  }

  @FieldResolver(() => AdministrativeAreaConnection, { description: "Areas directly inside this one." })
  children(@Root() area: AdministrativeArea, @Args() page: PageArgs, @Ctx() ctx: SubgraphContext) {
    return childPages(ctx, AdministrativeArea, { parent: "parentId", orderBy: ["code"] }, page).load(area.id);
  }

  @FieldResolver(() => Country, { description: "The country the area belongs to." })
  country(@Root() area: AdministrativeArea, @Ctx() ctx: SubgraphContext) {
    return referencesByKey(ctx, Country, "code").load(area.countryCode);
  }

  @FieldResolver(() => Date, {
    nullable: true,
    description: "When the area was deleted; null while it is live. Only editors and admins ever see a deleted one (through references).",
  })
  deletedAt(@Root() area: { deletedAt: Date | null }) {
    return area.deletedAt ?? null;
  }
}

export const areaReference = {
  AdministrativeArea: {
    __resolveReference: (ref: { id: string }, ctx: SubgraphContext) => referencesByKey(ctx, AdministrativeArea, "id").load(ref.id),
  },
};
