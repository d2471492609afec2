import type { MigrationInterface, QueryRunner } from "typeorm";

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
    await q.query(`ALTER TABLE ${e("commitments")} ADD COLUMN ${e("kind")} varchar(20) NOT NULL DEFAULT 'COMMITMENT'`);
    await q.query(`ALTER TABLE ${e("commitments")} ADD COLUMN ${e("party")} varchar(20) NOT NULL DEFAULT 'COUNTRY'`);
    await q.query(`ALTER TABLE ${e("commitments")} ADD COLUMN ${e("institutionId")} varchar(36) NULL`);
    await q.query(`UPDATE ${e("commitments")} SET ${e("party")} = 'PARTICIPANT' WHERE ${e("participationId")} IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    const e = (name: string) => q.connection.driver.escape(name);
    for (const column of ["institutionId", "party", "kind"]) await q.query(`ALTER TABLE ${e("commitments")} DROP COLUMN ${e(column)}`);
  }
}
