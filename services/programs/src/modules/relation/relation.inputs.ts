import { IsUUID } from "class-validator";
import { ID, InputType } from "type-graphql";
import { inputFields } from "@sstc/subgraph-kit";
import { ProgramRelationKind } from "./relation.entity";

const fields = inputFields({
  programId: { type: () => ID, description: "The programme the relation is about (you must be allowed to edit it).", create: "required", checks: [IsUUID()] },
  relatedProgramId: { type: () => ID, description: "The programme it relates to.", create: "required", checks: [IsUUID()] },
  kind: { type: () => ProgramRelationKind, description: "How the first relates to the second.", create: "required" },
});

@InputType({ description: "A typed link between two programmes: `program` is `kind` `relatedProgram`." })
export class CreateProgramRelationInput {
  @fields.programId.create programId: string;
  @fields.relatedProgramId.create relatedProgramId: string;
  @fields.kind.create kind: ProgramRelationKind;
}
