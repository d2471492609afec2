import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { assertCountryCode, childPages, findOrFail, PageArgs, paginate, referencesByKey, type SubgraphContext } from "@sstc/subgraph-kit";
import { Country, CountryConnection } from "./country.entity";
import { Institution, InstitutionConnection } from "../institution/institution.entity";

@Resolver(() => Country)
export class CountryResolver {
  @Query(() => Country, { nullable: true, description: "A country by its ISO 3166-1 alpha-2 code." })
  country(@Arg("code", { description: "ISO 3166-1 alpha-2 code, e.g. LK." }) code: string, @Ctx() ctx: SubgraphContext) {
    return findOrFail(ctx, Country, "code", assertCountryCode(code, "code"), "Country");
  }

  @Query(() => CountryConnection, { nullable: true, description: "Countries ordered by code." })
  countries(
    @Args() page: PageArgs,
    @Arg("colomboPlanMember", () => Boolean, { nullable: true, description: "Only Colombo Plan members (true) or non-members (false)." })
    colomboPlanMember: boolean | undefined,
    @Ctx() ctx: SubgraphContext,
  ) {
    const qb = ctx.db.getRepository(Country).createQueryBuilder("c");
    if (colomboPlanMember !== undefined && colomboPlanMember !== null) qb.where("c.colomboPlanMember = :m", { m: colomboPlanMember });
    return paginate(qb, page, { property: "code", unique: "code" });
  }

  @FieldResolver(() => InstitutionConnection, { description: "Institutions based in this country." })
  institutions(@Root() country: Country, @Args() page: PageArgs, @Ctx() ctx: SubgraphContext) {
    return childPages(ctx, Institution, { parent: "countryCode", orderBy: ["nameEn"] }, page).load(country.code);
  }
}

/** Federation: other subgraphs reference countries by code. */
export const countryReference = {
  Country: {
    __resolveReference: (ref: { code: string }, ctx: SubgraphContext) => referencesByKey(ctx, Country, "code").load(ref.code),
  },
};
