import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import {
  assertId,
  findOrFail,
  Language,
  localize,
  LocalizedText,
  PageArgs,
  paginate,
  referencesByKey,
  requireRole,
  type SubgraphContext,
} from "@sstc/subgraph-kit";
import { Person, PersonConnection } from "./person.entity";
import { Institution } from "../institution/institution.entity";

// The same argument as every other bilingual field (see @Bilingual), so the API reads alike.
const LANG_ARG = {
  nullable: true,
  description: "Language wanted; defaults to the request's Accept-Language (en or id), else English. A missing translation falls back to the other language.",
} as const;

@Resolver(() => Person)
export class PersonResolver {
  @Authorized("partner")
  @Query(() => Person, { nullable: true, description: "A person by id (partner role and above)." })
  person(@Arg("id", () => ID, { description: "Person id." }) id: string, @Ctx() ctx: SubgraphContext) {
    return findOrFail(ctx, Person, "id", assertId(id), "Person");
  }

  @Authorized("partner")
  @Query(() => PersonConnection, { nullable: true, description: "People ordered by name (partner role and above: null with FORBIDDEN below it)." })
  people(
    @Args() page: PageArgs,
    @Arg("institutionId", () => ID, { nullable: true, description: "Only people of this institution." }) institutionId: string | undefined,
    @Ctx() ctx: SubgraphContext,
  ) {
    const qb = ctx.db.getRepository(Person).createQueryBuilder("p");
    if (institutionId) qb.andWhere("p.institutionId = :institutionId", { institutionId: assertId(institutionId, "institutionId") });
    return paginate(qb, page, { property: "fullName" });
  }

  @Authorized("partner")
  @FieldResolver(() => Institution, { nullable: true, description: "Institution the person works for." })
  institution(@Root() person: Person, @Ctx() ctx: SubgraphContext) {
    return person.institutionId ? referencesByKey(ctx, Institution, "id").load(person.institutionId) : null;
  }

  @Authorized("partner")
  @FieldResolver(() => String, {
    nullable: true,
    description: "Position or title, e.g. Chief Secretary (partner role and above: null with FORBIDDEN below it).",
  })
  position(@Root() person: Person, @Arg("lang", () => Language, LANG_ARG) lang: Language | undefined, @Ctx() ctx: SubgraphContext) {
    return localize(lang ?? ctx.language ?? Language.EN, person.positionEn, person.positionId).text;
  }

  @Authorized("partner")
  @FieldResolver(() => LocalizedText, {
    nullable: true,
    description:
      "Position or title, e.g. Chief Secretary (partner role and above: null with FORBIDDEN below it). With the language served, for showing a fallback as such.",
  })
  positionText(@Root() person: Person, @Arg("lang", () => Language, LANG_ARG) lang: Language | undefined, @Ctx() ctx: SubgraphContext) {
    return localize(lang ?? ctx.language ?? Language.EN, person.positionEn, person.positionId);
  }

  @FieldResolver(() => Date, {
    nullable: true,
    description: "When the person's record was deleted; null while it is live. Only editors and admins ever see a deleted one (through references).",
  })
  deletedAt(@Root() person: { deletedAt: Date | null }) {
    return person.deletedAt ?? null;
  }
}

export const personReference = {
  Person: {
    // Reference resolvers bypass type-graphql's @Authorized, so the rule is repeated here.
    __resolveReference: (ref: { id: string }, ctx: SubgraphContext) => {
      requireRole(ctx.principal, "partner", "Person");
      return referencesByKey(ctx, Person, "id").load(ref.id);
    },
  },
};
