import type { MigrationInterface, QueryRunner } from "typeorm";
import { addColumns, createLiveUniqueIndex, dropColumns, dropLiveUniqueIndex } from "@sstc/subgraph-kit";

const COLUMNS: Array<[name: string, definition: string]> = [
  ["editionId", "varchar(36) NULL"],
  ["editionScope", "varchar(36) NOT NULL DEFAULT ''"],
];

/**
 * A partnership may be for one edition of its programme (`editionId`).
 * Uniqueness moves to (programme, edition or "", partner, role): a unique
 * index treats NULLs as distinct, so `editionScope` holds "" for the whole
 * programme. Plain ALTER TABLE on both databases (see the Provenance migrations).
 */
export class EditionPartnerships1733400000000 implements MigrationInterface {
  name = "EditionPartnerships1733400000000";

  async up(q: QueryRunner): Promise<void> {
    const e = (name: string) => q.connection.driver.escape(name);
    await addColumns(q, "program_partnerships", COLUMNS);
    await q.query(`CREATE INDEX ${e("IX_partnership_edition")} ON ${e("program_partnerships")} (${e("editionId")})`);
    await dropLiveUniqueIndex(q, "program_partnerships", "UQ_partnership_role_live", false);
    await createLiveUniqueIndex(q, "program_partnerships", "UQ_partnership_scope_role_live", ["programId", "editionScope", "partnerId", "role"]);
  }

  async down(q: QueryRunner): Promise<void> {
    const e = (name: string) => q.connection.driver.escape(name);
    await dropLiveUniqueIndex(q, "program_partnerships", "UQ_partnership_scope_role_live", false);
    await createLiveUniqueIndex(q, "program_partnerships", "UQ_partnership_role_live", ["programId", "partnerId", "role"]);
    const mysql = q.connection.driver.options.type !== "better-sqlite3";
    await q.query(mysql ? `DROP INDEX ${e("IX_partnership_edition")} ON ${e("program_partnerships")}` : `DROP INDEX ${e("IX_partnership_edition")}`);
    await dropColumns(
      q,
      "program_partnerships",
      COLUMNS.map(([name]) => name),
    );
  }
}
