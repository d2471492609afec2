import type { MigrationInterface, QueryRunner } from "typeorm";
import { createIndexes, dropIndexes } from "@sstc/subgraph-kit";

/** The institutions of a country in name order (the country page), paged by keyset without a sort. */
export class HotQueryIndexes1733500000000 implements MigrationInterface {
  name = "HotQueryIndexes1733500000000";

  async up(q: QueryRunner): Promise<void> {
    await createIndexes(q, "institutions", [["IX_institution_country_name", ["countryCode", "nameEn", "id"]]]);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropIndexes(q, "institutions", ["IX_institution_country_name"]);
  }
}
