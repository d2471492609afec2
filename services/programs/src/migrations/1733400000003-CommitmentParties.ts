import type { MigrationInterface, QueryRunner } from "typeorm";
import { addColumns, dropColumns } from "@sstc/subgraph-kit";

const COLUMNS: Array<[name: string, definition: string]> = [
  ["kind", "varchar(20) NOT NULL DEFAULT 'COMMITMENT'"],
  ["party", "varchar(20) NOT NULL DEFAULT 'COUNTRY'"],
  ["institutionId", "varchar(36) NULL"],
];

/**
 * Commitments and pledges by any party: `kind` (COMMITMENT, PLEDGE), `party`
 * (COUNTRY, PARTICIPANT, INSTITUTION, ORGANISER) and the party's institution.
 * Existing rows made by a participant say so. Plain ALTER TABLE on both
 * databases (see the Provenance migrations).
 */
export class CommitmentParties1733400000003 implements MigrationInterface {
  name = "CommitmentParties1733400000003";

  async up(q: QueryRunner): Promise<void> {
    const e = (name: string) => q.connection.driver.escape(name);
    await addColumns(q, "commitments", COLUMNS);
    await q.query(`UPDATE ${e("commitments")} SET ${e("party")} = 'PARTICIPANT' WHERE ${e("participationId")} IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropColumns(
      q,
      "commitments",
      COLUMNS.map(([name]) => name),
    );
  }
}
