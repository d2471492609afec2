import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import {
  assertCountryCode,
  assertId,
  assertSlug,
  childPages,
  findOrFail,
  PageArgs,
  paginate,
  referencesByKey,
  whereFoldedEquals,
  type SubgraphContext,
} from "@sstc/subgraph-kit";
import { Institution, InstitutionConnection, InstitutionType } from "./institution.entity";
import { Country } from "../country/country.entity";
import { AdministrativeArea } from "../area/area.entity";
import { Person, PersonConnection } from "../person/person.entity";
import { seesEveryone } from "../person/person.resolver";

@Resolver(() => Institution)
export class InstitutionResolver {
  @Query(() => Institution, { nullable: true, description: "An institution by id." })
  institution(@Arg("id", () => ID, { description: "Institution id." }) id: string, @Ctx() ctx: SubgraphContext) {
    return findOrFail(ctx, Institution, "id", assertId(id), "Institution");
  }

  @Query(() => Institution, {
    nullable: true,
    description:
      "An institution by its slug, e.g. perpusnas (for portal addresses); NOT_FOUND when no live institution has it, BAD_USER_INPUT for a malformed slug.",
  })
  institutionBySlug(
    @Arg("slug", { description: "The institution's slug: lower-case letters, digits and hyphens." }) slug: string,
    @Ctx() ctx: SubgraphContext,
  ) {
    return findOrFail(ctx, Institution, "slug", assertSlug(slug), "Institution");
  }

  @Query(() => InstitutionConnection, { nullable: true, description: "Institutions ordered by English name." })
  institutions(
    @Args() page: PageArgs,
    @Arg("type", () => InstitutionType, { nullable: true, description: "Only institutions of this type." }) type: InstitutionType | undefined,
    @Arg("countryCode", () => String, { nullable: true, description: "Only institutions in this country (ISO alpha-2)." }) countryCode: string | undefined,
    @Arg("acronym", () => String, {
      nullable: true,
      description: "Only institutions with this acronym, in any case (perpusnas finds Perpusnas); acronyms need not be unique.",
    })
    acronym: string | undefined,
    @Ctx() ctx: SubgraphContext,
  ) {
    const qb = ctx.db.getRepository(Institution).createQueryBuilder("i");
    if (type) qb.andWhere("i.type = :type", { type });
    if (countryCode) qb.andWhere("i.countryCode = :countryCode", { countryCode: assertCountryCode(countryCode) });
    if (acronym !== undefined && acronym !== null) whereFoldedEquals(qb, "i.acronym", acronym, "acronym", 40);
    return paginate(qb, page, { property: "nameEn" });
  }

  @FieldResolver(() => Country, { description: "Country the institution is based in." })
  country(@Root() institution: Institution, @Ctx() ctx: SubgraphContext) {
    return referencesByKey(ctx, Country, "code").load(institution.countryCode);
  }

  @FieldResolver(() => AdministrativeArea, { nullable: true, description: "Province, regency or city the institution is in." })
  area(@Root() institution: Institution, @Ctx() ctx: SubgraphContext) {
    return institution.areaId ? referencesByKey(ctx, AdministrativeArea, "id").load(institution.areaId) : null;
  }

  @FieldResolver(() => Institution, { nullable: true, description: "The body this one is part of (a directorate's ministry)." })
  parent(@Root() institution: Institution, @Ctx() ctx: SubgraphContext) {
    return institution.parentId ? referencesByKey(ctx, Institution, "id").load(institution.parentId) : null;
  }

  @FieldResolver(() => InstitutionConnection, { description: "Directorates and units that are part of this institution." })
  units(@Root() institution: Institution, @Args() page: PageArgs, @Ctx() ctx: SubgraphContext) {
    return childPages(ctx, Institution, { parent: "parentId", orderBy: ["nameEn"] }, page).load(institution.id);
  }

  @FieldResolver(() => PersonConnection, {
    nullable: true,
    description:
      "Officials and contacts of this institution, by name: everyone for the partner role and above, only the people acting in a public capacity below it.",
  })
  people(@Root() institution: Institution, @Args() page: PageArgs, @Ctx() ctx: SubgraphContext) {
    const spec = { parent: "institutionId" as const, orderBy: ["fullName" as const], ...(seesEveryone(ctx) ? {} : { where: "t.publicCapacity = 1" }) };
    return childPages(ctx, Person, spec, page).load(institution.id);
  }

  @FieldResolver(() => Date, {
    nullable: true,
    description: "When the institution was deleted; null while it is live. Only editors and admins ever see a deleted one (through references).",
  })
  deletedAt(@Root() institution: { deletedAt: Date | null }) {
    return institution.deletedAt ?? null;
  }
}

export const institutionReference = {
  Institution: {
    __resolveReference: (ref: { id: string }, ctx: SubgraphContext) => referencesByKey(ctx, Institution, "id").load(ref.id),
  },
};
