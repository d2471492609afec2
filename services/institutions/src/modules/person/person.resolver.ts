import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { assertId, findOrFail, PageArgs, paginate, rowsByKey, type SubgraphContext } from "@sstc/common";
import { Person, PersonConnection } from "./person.entity";
import { Institution } from "../institution/institution.entity";

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => Person, { nullable: true, description: "A person by id." })
  person(@Arg("id", () => ID, { description: "Person id." }) id: string, @Ctx() ctx: SubgraphContext) {
    return findOrFail(ctx, Person, "id", assertId(id), "Person");
  }

  @Query(() => PersonConnection, { description: "People ordered by name." })
  people(
    @Args() page: PageArgs,
    @Arg("institutionId", () => ID, { nullable: true, description: "Only people of this institution." }) institutionId: string | undefined,
    @Ctx() ctx: SubgraphContext,
  ) {
    const qb = ctx.db.getRepository(Person).createQueryBuilder("p");
    if (institutionId) qb.andWhere("p.institutionId = :institutionId", { institutionId: assertId(institutionId, "institutionId") });
    return paginate(qb, page, { property: "fullName" });
  }

  @FieldResolver(() => Institution, { nullable: true, description: "Institution the person works for." })
  institution(@Root() person: Person, @Ctx() ctx: SubgraphContext) {
    return person.institutionId ? rowsByKey(ctx, Institution, "id").load(person.institutionId) : null;
  }
}

export const personReference = {
  Person: {
    __resolveReference: (ref: { id: string }, ctx: SubgraphContext) => rowsByKey(ctx, Person, "id").load(ref.id),
  },
};
