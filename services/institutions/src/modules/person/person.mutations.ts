import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from "type-graphql";
import { assertId, assertLocalReferences, createRecord, deleteRecord, updateRecord, type SubgraphContext, RecordIdArg, VersionArg } from "@sstc/subgraph-kit";
import type { EntityManager } from "typeorm";
import { Person } from "./person.entity";
import { CreatePersonInput, UpdatePersonInput } from "./person.inputs";
import { Institution } from "../institution/institution.entity";

/** A person's record belongs to the institution they work for. */
const owners = (row: Pick<Person, "institutionId">) => ({ institutionIds: [row.institutionId] });

const checkInstitution = (m: EntityManager, input: { institutionId?: string | null }) =>
  assertLocalReferences(m, [{ entity: Institution, value: input.institutionId, field: "input.institutionId" }]);

@Resolver(() => Person)
export class PersonMutations {
  @Authorized("editor")
  @Mutation(() => Person, { description: "Records a person (editors: for their own institution)." })
  createPerson(@Arg("input", () => CreatePersonInput, { description: "The person." }) input: CreatePersonInput, @Ctx() ctx: SubgraphContext) {
    return createRecord<Person>(ctx, {
      entity: Person,
      values: { ...input, isPlaceholder: false },
      owners: () => owners(input),
      check: (m) => checkInstitution(m, input),
    });
  }

  @Authorized("editor")
  @Mutation(() => Person, { description: "Changes a person at the version you last read; CONFLICT if it changed since." })
  updatePerson(
    @RecordIdArg("Person") id: string,
    @VersionArg() version: number,
    @Arg("input", () => UpdatePersonInput, { description: "The changes." }) input: UpdatePersonInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return updateRecord(ctx, {
      entity: Person,
      id: assertId(id),
      version,
      patch: { ...input },
      owners,
      check: (_merged, m) => checkInstitution(m, input),
    });
  }

  @Authorized("editor")
  @Mutation(() => ID, { description: "Deletes a person (soft)." })
  deletePerson(@RecordIdArg("Person") id: string, @VersionArg() version: number, @Ctx() ctx: SubgraphContext) {
    return deleteRecord(ctx, { entity: Person, id: assertId(id), version, owners });
  }
}
