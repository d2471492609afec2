import { Field, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity } from "typeorm";
import { BaseRecord } from "@sstc/subgraph-kit";

/** How one programme relates to another, read "this programme is <kind> that programme". */
export enum ProgramRelationKind {
  PART_OF = "PART_OF",
  INSTANCE_OF = "INSTANCE_OF",
}
registerEnumType(ProgramRelationKind, {
  name: "ProgramRelationKind",
  description: "How a programme relates to another: read “this programme is <kind> that programme”.",
  valuesConfig: {
    PART_OF: { description: "Carried out as part of the other programme, besides its parent (`parentProgram`), e.g. a component of two umbrella programmes." },
    INSTANCE_OF: {
      description: "Applies the practice or approach the other programme stands for, e.g. a knowledge-sharing programme on TPBIS is an instance of TPBIS.",
    },
  },
});

@ObjectType({ description: "A typed link from one programme to another (beyond the parent), with its own sources." })
@Entity("program_relations")
export class ProgramRelation extends BaseRecord {
  @Column("varchar", { length: 36 })
  programId: string;

  @Column("varchar", { length: 36 })
  relatedProgramId: string;

  @Field(() => ProgramRelationKind, { description: "How `program` relates to `relatedProgram`." })
  @Column("simple-enum", { enum: ProgramRelationKind })
  kind: ProgramRelationKind;
}
