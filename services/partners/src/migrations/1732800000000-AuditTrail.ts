import type { MigrationInterface, QueryRunner } from "typeorm";
import { auditLogTable } from "@sstc/common";

/** The audit trail of changes made through the graph. */
export class AuditTrail1732800000000 implements MigrationInterface {
  name = "AuditTrail1732800000000";

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(auditLogTable());
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable("audit_log");
  }
}
