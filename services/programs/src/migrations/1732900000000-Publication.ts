import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Drafts: programmes and editions get a `published` flag (existing ones are
 * published). Plain ALTER TABLE rather than TypeORM's addColumn, which on
 * SQLite rebuilds the table — impossible inside a migration's transaction
 * for tables other tables reference.
 */
export class Publication1732900000000 implements MigrationInterface {
  name = "Publication1732900000000";

  async up(q: QueryRunner): Promise<void> {
    for (const table of ["programs", "editions"]) {
      await q.query(`ALTER TABLE ${q.connection.driver.escape(table)} ADD COLUMN ${q.connection.driver.escape("published")} boolean NOT NULL DEFAULT 1`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ["programs", "editions"]) {
      await q.query(`ALTER TABLE ${q.connection.driver.escape(table)} DROP COLUMN ${q.connection.driver.escape("published")}`);
    }
  }
}
