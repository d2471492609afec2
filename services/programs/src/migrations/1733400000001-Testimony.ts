import { Table, TableIndex, type MigrationInterface, type QueryRunner } from "typeorm";
import { createLiveUniqueIndex, dropLiveUniqueIndex, idColumn, provenanceColumns, recordColumns } from "@sstc/subgraph-kit";

/** Who took part in an activity and in what role (ActivityPerson), and what they said (Statement). */
export class Testimony1733400000001 implements MigrationInterface {
  name = "Testimony1733400000001";

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: "activity_people",
        columns: [...recordColumns(), ...provenanceColumns(), idColumn("activityId"), idColumn("personId"), { name: "role", type: "varchar", length: "20" }],
        indices: [new TableIndex({ name: "IX_activity_people_activity", columnNames: ["activityId"] })],
      }),
    );
    await createLiveUniqueIndex(q, "activity_people", "UQ_activity_person_live", ["activityId", "personId", "role"]);
    await q.createTable(
      new Table({
        name: "statements",
        columns: [
          ...recordColumns(),
          ...provenanceColumns(),
          idColumn("activityId"),
          idColumn("personId"),
          { name: "textEn", type: "text" },
          { name: "textId", type: "text", isNullable: true },
          { name: "verbatim", type: "boolean", default: true },
          idColumn("sourceId"),
          { name: "locator", type: "varchar", length: "120", isNullable: true },
        ],
        indices: [new TableIndex({ name: "IX_statements_activity", columnNames: ["activityId"] })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable("statements");
    await dropLiveUniqueIndex(q, "activity_people", "UQ_activity_person_live");
    await q.dropTable("activity_people");
  }
}
