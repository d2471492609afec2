import type { MigrationInterface, QueryRunner } from "typeorm";
import { createIndexes, dropIndexes, type PlainIndex } from "@sstc/subgraph-kit";

/*
 * Indexes for the portal's hot queries at scale (query plans in the
 * README): the catalogue ordered by title or filtered by status or
 * modality and paged by keyset, and participations sent by an institution
 * (institution page, institution statistics, statistics filtered by
 * institution), which had no index at all.
 */
const INDEXES: Record<string, PlainIndex[]> = {
  programs: [
    ["IX_program_title", ["titleEn", "id"]],
    ["IX_program_status", ["status", "code"]],
    ["IX_program_modality", ["modality", "code"]],
  ],
  participations: [["IX_participation_institution", ["institutionId", "deletedAt", "editionId", "personId"]]],
};

export class HotQueryIndexes1733500000001 implements MigrationInterface {
  name = "HotQueryIndexes1733500000001";

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
