import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from "type-graphql";
import type { EntityManager } from "typeorm";
import {
  assertId,
  assertLocalReferences,
  BadUserInputError,
  ConflictError,
  createRecord,
  deleteRecord,
  RecordIdArg,
  VersionArg,
  type SubgraphContext,
} from "@sstc/subgraph-kit";
import { Program } from "../program/program.entity";
import { ProgramRelation } from "./relation.entity";
import { CreateProgramRelationInput } from "./relation.inputs";

/** A relation belongs to whoever may edit the programme it is about (its lead institution). */
async function owners(m: EntityManager, programId: string) {
  const program = await m.getRepository(Program).findOneBy({ id: programId });
  return { institutionIds: [program?.leadInstitutionId ?? null] };
}

const taken = () => new ConflictError("These programmes are already related this way.", { field: "input.kind" });

@Resolver(() => ProgramRelation)
export class ProgramRelationMutations {
  @Authorized("editor")
  @Mutation(() => ProgramRelation, { description: "Relates a programme you may edit to another programme." })
  createProgramRelation(
    @Arg("input", () => CreateProgramRelationInput, { description: "The relation." }) input: CreateProgramRelationInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return createRecord<ProgramRelation>(ctx, {
      entity: ProgramRelation,
      values: { ...input },
      owners: (m) => owners(m, input.programId),
      check: async (m) => {
        if (input.programId === input.relatedProgramId)
          throw new BadUserInputError("A programme cannot be related to itself.", { field: "input.relatedProgramId" });
        await assertLocalReferences(m, [
          { entity: Program, value: input.programId, field: "input.programId" },
          { entity: Program, value: input.relatedProgramId, field: "input.relatedProgramId" },
        ]);
        if (await m.getRepository(ProgramRelation).existsBy({ ...input })) throw taken();
      },
      duplicate: taken,
    });
  }

  @Authorized("editor")
  @Mutation(() => ID, { description: "Removes a relation between programmes (soft)." })
  deleteProgramRelation(@RecordIdArg("Relation") id: string, @VersionArg() version: number, @Ctx() ctx: SubgraphContext) {
    return deleteRecord(ctx, { entity: ProgramRelation, id: assertId(id), version, owners: (row, m) => owners(m, row.programId) });
  }
}
