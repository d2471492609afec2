import type { MigrationInterface, QueryRunner } from "typeorm";

const COLUMNS: Array<[name: string, type: string]> = [
  ["endDate", "date"],
  ["venueEn", "varchar(255)"],
  ["venueId", "varchar(255)"],
  ["venueAreaId", "varchar(36)"],
];

/**
 * An activity over several days (`endDate` beside `date`, its first day) at a
 * place of its own (venue text and area, beside the site institution).
 * Plain ALTER TABLE on both databases (see the Provenance migrations).
 */
export class ActivityPeriodAndPlace1733400000002 implements MigrationInterface {
  name = "ActivityPeriodAndPlace1733400000002";

  async up(q: QueryRunner): Promise<void> {
    const e = (name: string) => q.connection.driver.escape(name);
    for (const [name, type] of COLUMNS) await q.query(`ALTER TABLE ${e("activities")} ADD COLUMN ${e(name)} ${type} NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    const e = (name: string) => q.connection.driver.escape(name);
    for (const [name] of [...COLUMNS].reverse()) await q.query(`ALTER TABLE ${e("activities")} DROP COLUMN ${e(name)}`);
  }
}
