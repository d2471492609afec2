import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import {
  hasRole,
  assertId,
  findOrFail,
  Language,
  localize,
  LocalizedText,
  PageArgs,
  paginate,
  referencesByKey,
  type AuthRule,
  type SubgraphContext,
} from "@sstc/subgraph-kit";
import { IN_PUBLIC_CAPACITY, Person, PersonConnection } from "./person.entity";
import { Institution } from "../institution/institution.entity";

// The same argument as every other bilingual field (see @Bilingual), so the API reads alike.
const LANG_ARG = {
  nullable: true,
  description: "Language wanted; defaults to the request's Accept-Language (en or id), else English. A missing translation falls back to the other language.",
} as const;

/** True when the caller sees every person in lists; below the partner role, lists hold only the people acting in a public capacity. */
export const seesEveryone = (ctx: SubgraphContext) => hasRole(ctx.principal, "partner");

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => Person, {
    nullable: true,
    description:
      "A person by id. Below the partner role only a person acting in a public capacity shows a name, position and institution; anyone else's are null with FORBIDDEN.",
  })
  person(@Arg("id", () => ID, { description: "Person id." }) id: string, @Ctx() ctx: SubgraphContext) {
    return findOrFail(ctx, Person, "id", assertId(id), "Person");
  }

  @Query(() => PersonConnection, {
    nullable: true,
    description: "People ordered by name: everyone for the partner role and above, only the people acting in a public capacity below it.",
  })
  people(
    @Args() page: PageArgs,
    @Arg("institutionId", () => ID, { nullable: true, description: "Only people of this institution." }) institutionId: string | undefined,
    @Ctx() ctx: SubgraphContext,
  ) {
    const qb = ctx.db.getRepository(Person).createQueryBuilder("p");
    if (institutionId) qb.andWhere("p.institutionId = :institutionId", { institutionId: assertId(institutionId, "institutionId") });
    if (!seesEveryone(ctx)) qb.andWhere("p.publicCapacity = 1");
    return paginate(qb, page, { property: "fullName" });
  }

  @Authorized<AuthRule>("partner", IN_PUBLIC_CAPACITY)
  @FieldResolver(() => Institution, {
    nullable: true,
    description: "Institution the person works for: public when the person acts in a public capacity, otherwise partner role and above.",
  })
  institution(@Root() person: Person, @Ctx() ctx: SubgraphContext) {
    return person.institutionId ? referencesByKey(ctx, Institution, "id").load(person.institutionId) : null;
  }

  @Authorized<AuthRule>("partner", IN_PUBLIC_CAPACITY)
  @FieldResolver(() => String, {
    nullable: true,
    description:
      "Position or title, e.g. Chief Secretary: public when the person acts in a public capacity, otherwise partner role and above (null with FORBIDDEN below it).",
  })
  position(@Root() person: Person, @Arg("lang", () => Language, LANG_ARG) lang: Language | undefined, @Ctx() ctx: SubgraphContext) {
    return localize(lang ?? ctx.language ?? Language.EN, person.positionEn, person.positionId).text;
  }

  @Authorized<AuthRule>("partner", IN_PUBLIC_CAPACITY)
  @FieldResolver(() => LocalizedText, {
    nullable: true,
    description:
      "Position or title, e.g. Chief Secretary: public when the person acts in a public capacity, otherwise partner role and above (null with FORBIDDEN below it). With the language served, for showing a fallback as such.",
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
    // As `person(id)`: the record for every role, each field gated on its own (a name only for the partner role, or in a public capacity).
    __resolveReference: (ref: { id: string }, ctx: SubgraphContext) => referencesByKey(ctx, Person, "id").load(ref.id),
  },
};
