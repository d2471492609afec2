import { BeforeInsert, Column, Entity, PrimaryColumn } from "typeorm";
import { newId } from "@sstc/subgraph-kit";

/**
 * One SDG alignment of a programme: a goal (1–17) and, when the programme
 * names one, a target of that goal ("4.6", "6.b"). A goal without a named
 * target has `target` null. A table rather than JSON on the programme, so
 * filters and statistics by goal or target are plain indexed SQL.
 * Not a GraphQL type: `Program.sdgGoals` and `Program.sdgTargets` read it.
 */
@Entity("program_sdg_targets")
export class ProgramSdgTarget {
  @PrimaryColumn("varchar", { length: 36 })
  id: string;

  @Column("varchar", { length: 36 })
  programId: string;

  @Column("int")
  goal: number;

  @Column("varchar", { length: 8, nullable: true })
  target: string | null;

  @BeforeInsert()
  protected assignId() {
    this.id ??= newId();
  }
}
