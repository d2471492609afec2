import type { MigrationInterface, QueryRunner } from "typeorm";
import { addColumns, dropColumns } from "@sstc/subgraph-kit";

const TABLES = ["programs", "editions"];

/**
 * The IATI activity identifier a programme or edition was published or
 * imported under, so that importing the same IATI file again finds the same
 * record, and an imported record is exported under the identifier it came
 * with. Null: the export derives one. Plain ALTER TABLE on both databases.
 */
export class IatiIdentifiers1733500000000 implements MigrationInterface {
  name = "IatiIdentifiers1733500000000";

  async up(q: QueryRunner): Promise<void> {
    for (const table of TABLES) await addColumns(q, table, [["iatiIdentifier", "varchar(200) NULL"]]);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of TABLES) await dropColumns(q, table, ["iatiIdentifier"]);
  }
}
