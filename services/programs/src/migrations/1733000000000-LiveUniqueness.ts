import type { MigrationInterface, QueryRunner } from "typeorm";
import { createLiveUniqueIndex, dropLiveUniqueIndex } from "@sstc/subgraph-kit";

/**
 * What must be unique is unique in the database, among live records: a
 * programme code (a deleted programme's code may be used again), and one
 * registration per person and edition. Races between two identical
 * requests are then decided by the index, not by a read before the insert.
 */
export class LiveUniqueness1733000000000 implements MigrationInterface {
  name = "LiveUniqueness1733000000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(q.connection.driver.options.type === "better-sqlite3" ? `DROP INDEX "UQ_program_code"` : "DROP INDEX `UQ_program_code` ON `programs`");
    await createLiveUniqueIndex(q, "programs", "UQ_program_code_live", ["code"]);
    await createLiveUniqueIndex(q, "participations", "UQ_participation_person_live", ["editionId", "personId"]);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropLiveUniqueIndex(q, "participations", "UQ_participation_person_live");
    await dropLiveUniqueIndex(q, "programs", "UQ_program_code_live");
    await q.query(
      q.connection.driver.options.type === "better-sqlite3"
        ? `CREATE UNIQUE INDEX "UQ_program_code" ON "programs" ("code")`
        : "CREATE UNIQUE INDEX `UQ_program_code` ON `programs` (`code`)",
    );
  }
}
