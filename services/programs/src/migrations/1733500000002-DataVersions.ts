import { Table, type MigrationInterface, type QueryRunner } from "typeorm";
import { isMysql } from "@sstc/subgraph-kit";

/** The tables every statistic reads (directly, in a join or in a subquery). */
export const STATISTICS_TABLES = ["programs", "program_sdg_targets", "editions", "participations"];
const EVENTS = { ai: "INSERT", au: "UPDATE", ad: "DELETE" };
const BUMP = "UPDATE data_versions SET version = version + 1 WHERE name = 'statistics'";

const triggers = () =>
  STATISTICS_TABLES.flatMap((table) => Object.entries(EVENTS).map(([suffix, event]) => ({ name: `TR_${table}_${suffix}_statistics`, table, event })));

/*
 * A version of the data statistics are counted from, which the statistics
 * cache keys its figures by (modules/statistics/statistics.cache.ts).
 * Triggers bump it for every row written to a table statistics read, by any
 * writer (the API, imports, the seed, plain SQL) and inside the writer's own
 * transaction: a figure cached under a version is never served once a write
 * that changes it has committed, in any replica. Rows removed by ON DELETE
 * CASCADE fire no trigger on MySQL, but always go with a row of a parent
 * (a programme or an edition) whose own deletion does.
 */
export class DataVersions1733500000002 implements MigrationInterface {
  name = "DataVersions1733500000002";

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: "data_versions",
        columns: [
          { name: "name", type: "varchar", length: "50", isPrimary: true },
          { name: "version", type: "bigint", isNullable: false, default: 0 },
        ],
      }),
    );
    await q.query("INSERT INTO data_versions (name, version) VALUES ('statistics', 1)");
    for (const { name, table, event } of triggers()) {
      // MySQL takes one statement as a trigger's body, SQLite a BEGIN ... END block.
      await q.query(
        isMysql(q.connection)
          ? `CREATE TRIGGER ${name} AFTER ${event} ON ${table} FOR EACH ROW ${BUMP}`
          : `CREATE TRIGGER ${name} AFTER ${event} ON ${table} FOR EACH ROW BEGIN ${BUMP}; END`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const { name } of triggers().reverse()) await q.query(`DROP TRIGGER IF EXISTS ${name}`);
    await q.dropTable("data_versions");
  }
}
