import type { QueryRunner } from "typeorm";

/**
 * Unique among live records: soft-deleted rows keep their values but must
 * not block a new record with the same ones. SQLite has partial indexes
 * (`WHERE deletedAt IS NULL`). MySQL/MariaDB have none, so a generated
 * column `liveRow` — 1 while the row is live, NULL once deleted — joins the
 * index: NULLs never collide in a unique index, live rows do.
 */
export async function createLiveUniqueIndex(q: QueryRunner, table: string, name: string, columns: string[]): Promise<void> {
  const e = (identifier: string) => q.connection.driver.escape(identifier);
  if (q.connection.driver.options.type === "mysql" || q.connection.driver.options.type === "mariadb") {
    if (!(await q.hasColumn(table, "liveRow"))) {
      await q.query(`ALTER TABLE ${e(table)} ADD COLUMN ${e("liveRow")} TINYINT GENERATED ALWAYS AS (IF(${e("deletedAt")} IS NULL, 1, NULL)) VIRTUAL`);
    }
    await q.query(`CREATE UNIQUE INDEX ${e(name)} ON ${e(table)} (${[...columns, "liveRow"].map(e).join(", ")})`);
  } else {
    await q.query(`CREATE UNIQUE INDEX ${e(name)} ON ${e(table)} (${columns.map(e).join(", ")}) WHERE ${e("deletedAt")} IS NULL`);
  }
}

/** Reverts {@link createLiveUniqueIndex} (the generated column goes with the table's last such index). */
export async function dropLiveUniqueIndex(q: QueryRunner, table: string, name: string, dropColumn = true): Promise<void> {
  const e = (identifier: string) => q.connection.driver.escape(identifier);
  const mysql = q.connection.driver.options.type === "mysql" || q.connection.driver.options.type === "mariadb";
  await q.query(mysql ? `DROP INDEX ${e(name)} ON ${e(table)}` : `DROP INDEX ${e(name)}`);
  if (mysql && dropColumn && (await q.hasColumn(table, "liveRow"))) await q.query(`ALTER TABLE ${e(table)} DROP COLUMN ${e("liveRow")}`);
}

/**
 * Adds columns (name and SQL definition, e.g. `varchar(36) NULL`) with plain
 * ALTER TABLE on both databases: TypeORM's SQLite addColumn rebuilds the
 * table and loses the indexes it did not create, such as the partial unique
 * indexes of createLiveUniqueIndex.
 */
export async function addColumns(q: QueryRunner, table: string, columns: Array<[name: string, definition: string]>): Promise<void> {
  const e = (identifier: string) => q.connection.driver.escape(identifier);
  for (const [name, definition] of columns) await q.query(`ALTER TABLE ${e(table)} ADD COLUMN ${e(name)} ${definition}`);
}

/** Reverts {@link addColumns}: drops the columns, last added first. */
export async function dropColumns(q: QueryRunner, table: string, names: string[]): Promise<void> {
  const e = (identifier: string) => q.connection.driver.escape(identifier);
  for (const name of [...names].reverse()) await q.query(`ALTER TABLE ${e(table)} DROP COLUMN ${e(name)}`);
}

/** A plain (non-unique) index: its name, then its columns in order. */
export type PlainIndex = [name: string, columns: string[]];

/** Creates plain indexes on `table`, with the same SQL on both databases. */
export async function createIndexes(q: QueryRunner, table: string, indexes: PlainIndex[]): Promise<void> {
  const e = (identifier: string) => q.connection.driver.escape(identifier);
  for (const [name, columns] of indexes) await q.query(`CREATE INDEX ${e(name)} ON ${e(table)} (${columns.map(e).join(", ")})`);
}

/** Reverts {@link createIndexes}: drops the indexes, last created first. */
export async function dropIndexes(q: QueryRunner, table: string, names: string[]): Promise<void> {
  const e = (identifier: string) => q.connection.driver.escape(identifier);
  const mysql = q.connection.driver.options.type === "mysql" || q.connection.driver.options.type === "mariadb";
  for (const name of [...names].reverse()) await q.query(mysql ? `DROP INDEX ${e(name)} ON ${e(table)}` : `DROP INDEX ${e(name)}`);
}
