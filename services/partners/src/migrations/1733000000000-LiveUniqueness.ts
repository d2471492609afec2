import type { MigrationInterface, QueryRunner } from "typeorm";
import { createLiveUniqueIndex, dropLiveUniqueIndex } from "@sstc/subgraph-kit";

/**
 * Among live records, a partner holds a role in a programme once, and is
 * named once among an agreement's parties: decided by unique indexes, so
 * two identical requests racing store exactly one record.
 */
export class LiveUniqueness1733000000000 implements MigrationInterface {
  name = "LiveUniqueness1733000000000";

  async up(q: QueryRunner): Promise<void> {
    await createLiveUniqueIndex(q, "program_partnerships", "UQ_partnership_role_live", ["programId", "partnerId", "role"]);
    await createLiveUniqueIndex(q, "agreement_parties", "UQ_party_partner_live", ["agreementId", "partnerId"]);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropLiveUniqueIndex(q, "agreement_parties", "UQ_party_partner_live");
    await dropLiveUniqueIndex(q, "program_partnerships", "UQ_partnership_role_live");
  }
}
