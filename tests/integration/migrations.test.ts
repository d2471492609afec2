import { openDatabase, type SubgraphDefinition } from "@sstc/subgraph-kit";
import { createTestDatabase, testSubgraphEnv } from "@sstc/testkit";
import { institutionsSubgraph } from "@sstc/institutions";
import { partnersSubgraph } from "@sstc/partners";
import { programsSubgraph } from "@sstc/programs";

/* Every migration runs up, down and up again on the database under test (SQLite or MariaDB), and the seed loads after it. */
describe.each<[string, SubgraphDefinition]>([
  ["programs", programsSubgraph],
  ["institutions", institutionsSubgraph],
  ["partners", partnersSubgraph],
])("%s migrations", (name, definition) => {
  it("apply, revert completely, re-apply, and accept the demo data", async () => {
    const database = await createTestDatabase(`mig_${name}`);
    const db = await openDatabase(definition, testSubgraphEnv(database));
    try {
      const applied = async () => Number((await db.query(`SELECT COUNT(*) AS n FROM ${db.driver.escape("schema_migrations")}`))[0].n);
      expect(await applied()).toBe((definition.migrations as unknown[]).length);
      while ((await applied()) > 0) await db.undoLastMigration({ transaction: "each" });
      const runner = db.createQueryRunner();
      const left = [];
      // data_versions (programs) is no entity's table: the statistics cache reads it by SQL.
      for (const tableName of [...db.entityMetadatas.map((m) => m.tableName), "data_versions"]) if (await runner.hasTable(tableName)) left.push(tableName);
      await runner.release();
      expect(left).toEqual([]);
      await db.runMigrations({ transaction: "each" });
      expect(await definition.isEmpty(db)).toBe(true);
      await definition.seed(db);
      expect(await definition.isEmpty(db)).toBe(false);
    } finally {
      await db.destroy();
      await database.drop();
    }
  });
});
