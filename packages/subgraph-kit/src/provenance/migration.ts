import { Table, TableIndex, type MigrationInterface, type QueryRunner, type TableColumnOptions } from "typeorm";
import { addColumns, dropColumns } from "../editing/live-unique";
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
  const added = tables.map((t) => {
    const { table, alreadyHas } = typeof t === "string" ? { table: t, alreadyHas: [] } : t;
    return { table, columns: provenanceColumns().filter((c) => !alreadyHas.includes(c.name)) };
  });
  return class ProvenanceMigration implements MigrationInterface {
    name = name;

    async up(q: QueryRunner): Promise<void> {
      const mysql = q.connection.driver.options.type !== "better-sqlite3";
      const definition = (c: TableColumnOptions) =>
        c.type === "boolean" ? `${mysql ? "tinyint" : "boolean"} NOT NULL DEFAULT 0` : `varchar(${c.length}) NOT NULL DEFAULT ''`;
      for (const { table, columns } of added)
        await addColumns(
          q,
          table,
          columns.map((c) => [c.name, definition(c)]),
        );
      await q.createTable(citationsTable());
    }

    async down(q: QueryRunner): Promise<void> {
      await q.dropTable("citations");
      for (const { table, columns } of added)
        await dropColumns(
          q,
          table,
          columns.map((c) => c.name),
        );
    }
  };
}
