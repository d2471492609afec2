import { Table, TableIndex, type MigrationInterface, type QueryRunner } from "typeorm";
import { provenanceColumns, provenanceMigration, recordColumns } from "@sstc/subgraph-kit";

/** Placeholder columns on every record table, and the citations table. */
export const Provenance1733300000000 = provenanceMigration("Provenance1733300000000", ["programs", "editions", "activities", "participations", "commitments"]);

/** The sources records cite (owned here; every subgraph cites them by id). */
export class Sources1733300000001 implements MigrationInterface {
  name = "Sources1733300000001";

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: "sources",
        columns: [
          ...recordColumns(),
          ...provenanceColumns(),
          { name: "publisher", type: "varchar", length: "160" },
          { name: "title", type: "varchar", length: "500" },
          { name: "url", type: "varchar", length: "500", isNullable: true },
          { name: "publishedOn", type: "date", isNullable: true },
          { name: "language", type: "varchar", length: "12" },
          { name: "credits", type: "varchar", length: "500", isNullable: true },
        ],
        indices: [new TableIndex({ name: "IX_sources_title", columnNames: ["title", "id"] })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable("sources");
  }
}
