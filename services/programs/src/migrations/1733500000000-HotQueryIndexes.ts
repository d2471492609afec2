import type { MigrationInterface, QueryRunner } from "typeorm";
import { createIndexes, dropIndexes, type PlainIndex } from "@sstc/subgraph-kit";

/*
 * Indexes for the portal's hot queries at scale (EXPLAIN plans in the
 * README): the catalogue ordered by title or filtered by status or
 * modality and paged by keyset, participations sent by an institution
 * (institution page and statistics), and the statistics breakdowns of
 * participations, which read only the grouped column, the edition and the
 * person, in index order — without a sort and without reading the rows.
 */
const INDEXES: Record<string, PlainIndex[]> = {
  programs: [
    ["IX_program_title", ["titleEn", "id"]],
    ["IX_program_status", ["status", "code"]],
    ["IX_program_modality", ["modality", "code"]],
  ],
  editions: [["IX_edition_program_live", ["programId", "deletedAt", "published", "plannedStartDate"]]],
  participations: [
    ["IX_participation_institution", ["institutionId", "deletedAt", "editionId", "personId"]],
    ["IX_participation_country_stats", ["countryCode", "deletedAt", "editionId", "personId"]],
    ["IX_participation_role_stats", ["role", "deletedAt", "editionId"]],
    ["IX_participation_gender_stats", ["gender", "deletedAt", "editionId", "personId"]],
  ],
};

export class HotQueryIndexes1733500000000 implements MigrationInterface {
  name = "HotQueryIndexes1733500000000";

  async up(q: QueryRunner): Promise<void> {
    for (const [table, indexes] of Object.entries(INDEXES)) await createIndexes(q, table, indexes);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table, indexes] of Object.entries(INDEXES).reverse()) {
      await dropIndexes(
        q,
        table,
        indexes.map(([name]) => name),
      );
    }
  }
}
