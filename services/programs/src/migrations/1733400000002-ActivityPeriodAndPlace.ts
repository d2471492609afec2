import type { MigrationInterface, QueryRunner } from "typeorm";
import { addColumns, dropColumns } from "@sstc/subgraph-kit";

const COLUMNS: Array<[name: string, definition: string]> = [
  ["endDate", "date NULL"],
  ["venueEn", "varchar(255) NULL"],
  ["venueId", "varchar(255) NULL"],
  ["venueAreaId", "varchar(36) NULL"],
];

/**
 * An activity over several days (`endDate` beside `date`, its first day) at a
 * place of its own (venue text and area, beside the site institution).
 * Plain ALTER TABLE on both databases (see the Provenance migrations).
 */
export class ActivityPeriodAndPlace1733400000002 implements MigrationInterface {
  name = "ActivityPeriodAndPlace1733400000002";

  async up(q: QueryRunner): Promise<void> {
    await addColumns(q, "activities", COLUMNS);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropColumns(
      q,
      "activities",
      COLUMNS.map(([name]) => name),
    );
  }
}
