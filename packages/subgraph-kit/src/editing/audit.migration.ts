import { Table, TableIndex, type MigrationInterface, type QueryRunner } from "typeorm";

/** The audit_log table every subgraph keeps (see AuditEntry). */
export function auditLogTable(): Table {
  return new Table({
    name: "audit_log",
    columns: [
      { name: "id", type: "varchar", length: "36", isPrimary: true },
      { name: "at", type: "varchar", length: "24" },
      { name: "action", type: "varchar", length: "10" },
      { name: "entityType", type: "varchar", length: "40" },
      { name: "entityId", type: "varchar", length: "36" },
      { name: "version", type: "int" },
      { name: "actor", type: "varchar", length: "160" },
      { name: "actorRole", type: "varchar", length: "10" },
      { name: "actorInstitutionId", type: "varchar", length: "36", isNullable: true },
      { name: "changes", type: "text" },
    ],
    indices: [new TableIndex({ name: "IX_audit_entity", columnNames: ["entityId", "at"] }), new TableIndex({ name: "IX_audit_at", columnNames: ["at", "id"] })],
  });
}

/** The migration every subgraph runs to add its audit trail (one class, each subgraph's own database). */
export class AuditTrail1732800000000 implements MigrationInterface {
  name = "AuditTrail1732800000000";

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(auditLogTable());
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable("audit_log");
  }
}
