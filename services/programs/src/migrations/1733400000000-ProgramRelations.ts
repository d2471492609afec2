import { Table, TableIndex, type MigrationInterface, type QueryRunner } from "typeorm";
import { createLiveUniqueIndex, dropLiveUniqueIndex, idColumn, provenanceColumns, recordColumns } from "@sstc/subgraph-kit";

/** Typed links between programmes besides the parent (ProgramRelation); one of each kind per pair among live rows. */
export class ProgramRelations1733400000000 implements MigrationInterface {
  name = "ProgramRelations1733400000000";

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: "program_relations",
        columns: [
          ...recordColumns(),
          ...provenanceColumns(),
          idColumn("programId"),
          idColumn("relatedProgramId"),
          { name: "kind", type: "varchar", length: "20" },
        ],
        indices: [new TableIndex({ name: "IX_program_relation_related", columnNames: ["relatedProgramId"] })],
      }),
    );
    await createLiveUniqueIndex(q, "program_relations", "UQ_program_relation_live", ["programId", "relatedProgramId", "kind"]);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropLiveUniqueIndex(q, "program_relations", "UQ_program_relation_live");
    await q.dropTable("program_relations");
  }
}
