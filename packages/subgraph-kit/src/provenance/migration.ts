import { Table, TableIndex, type MigrationInterface, type QueryRunner } from "typeorm";
import { provenanceColumns } from "../record";

/** The citations table every subgraph keeps (see Citation). */
export function citationsTable(): Table {
  return new Table({
    name: "citations",
    columns: [
      { name: "id", type: "varchar", length: "36", isPrimary: true },
      { name: "entityType", type: "varchar", length: "40" },
      { name: "entityId", type: "varchar", length: "36" },
      { name: "sourceId", type: "varchar", length: "36" },
      { name: "locator", type: "varchar", length: "120", isNullable: true },
      { name: "createdAt", type: "datetime", precision: 3 },
    ],
    indices: [
      new TableIndex({ name: "UQ_citation", columnNames: ["entityType", "entityId", "sourceId"], isUnique: true }),
      new TableIndex({ name: "IX_citation_source", columnNames: ["sourceId"] }),
    ],
  });
}

/** A record table, and the provenance columns it already had before the Provenance migration (e.g. `people.isPlaceholder`). */
export type ProvenanceTable = string | { table: string; alreadyHas: string[] };

/**
 * A subgraph's Provenance migration: the placeholder columns on each of its
 * record tables and its citations table. Reverting removes exactly what it
 * added.
 */
export function provenanceMigration(name: string, tables: ProvenanceTable[]): new () => MigrationInterface {
  const added = tables.flatMap((t) => {
    const { table, alreadyHas } = typeof t === "string" ? { table: t, alreadyHas: [] } : t;
    return provenanceColumns()
      .filter((c) => !alreadyHas.includes(c.name))
      .map((column) => ({ table, column }));
  });
  return class ProvenanceMigration implements MigrationInterface {
    name = name;

    // Plain ALTER TABLE on both databases: TypeORM's SQLite addColumn rebuilds the table and loses
    // the partial unique indexes of the LiveUniqueness migrations on the way.
    async up(q: QueryRunner): Promise<void> {
      const mysql = q.connection.driver.options.type !== "better-sqlite3";
      const esc = (name: string) => q.connection.driver.escape(name);
      for (const { table, column } of added) {
        const type = column.type === "boolean" ? (mysql ? "tinyint" : "boolean") : `varchar(${column.length})`;
        await q.query(`ALTER TABLE ${esc(table)} ADD COLUMN ${esc(column.name)} ${type} NOT NULL DEFAULT ${column.type === "boolean" ? "0" : "''"}`);
      }
      await q.createTable(citationsTable());
    }

    async down(q: QueryRunner): Promise<void> {
      await q.dropTable("citations");
      const esc = (name: string) => q.connection.driver.escape(name);
      for (const { table, column } of added) await q.query(`ALTER TABLE ${esc(table)} DROP COLUMN ${esc(column.name)}`);
    }
  };
}
