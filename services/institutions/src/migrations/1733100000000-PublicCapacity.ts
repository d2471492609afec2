import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * People acting in a public capacity are public by name, position and
 * institution: a `publicCapacity` flag on people, false for everyone already
 * recorded (nobody becomes public without an editor saying so). Plain ALTER
 * TABLE rather than TypeORM's addColumn, which on SQLite rebuilds the table —
 * impossible inside a migration's transaction for a table others reference.
 */
export class PublicCapacity1733100000000 implements MigrationInterface {
  name = "PublicCapacity1733100000000";

  async up(q: QueryRunner): Promise<void> {
    const e = (name: string) => q.connection.driver.escape(name);
    await q.query(`ALTER TABLE ${e("people")} ADD COLUMN ${e("publicCapacity")} boolean NOT NULL DEFAULT 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    const e = (name: string) => q.connection.driver.escape(name);
    await q.query(`ALTER TABLE ${e("people")} DROP COLUMN ${e("publicCapacity")}`);
  }
}
