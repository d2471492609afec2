import { Directive, Field, Int, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { Connection } from "../pagination";

export enum AuditAction {
  CREATE = "CREATE",
  UPDATE = "UPDATE",
  DELETE = "DELETE",
}
registerEnumType(AuditAction, {
  name: "AuditAction",
  description: "What a change did to a record.",
  valuesConfig: {
    CREATE: { description: "The record was created." },
    UPDATE: { description: "Fields of the record changed." },
    DELETE: { description: "The record was deleted (it is kept, with `deletedAt` set)." },
  },
});

@Directive("@shareable")
@ObjectType({ description: "One field's value before and after a change (JSON-encoded)." })
export class FieldChange {
  @Field({ description: "The field (as stored)." })
  field: string;

  @Field(() => String, { nullable: true, description: "JSON of the value before the change; null when there was none." })
  from: string | null;

  @Field(() => String, { nullable: true, description: "JSON of the value after the change; null when removed." })
  to: string | null;
}

/**
 * One change to one record: who made it, when, and what changed. Written in
 * the same transaction as the change itself, so the trail and the data
 * never disagree. Each subgraph keeps the trail of its own records.
 */
@Directive("@shareable")
@ObjectType({ description: "One change to one record: who, when and what changed." })
@Entity("audit_log")
@Index("IX_audit_entity", ["entityId", "at"])
export class AuditEntry {
  @Field({ description: "Entry id." })
  @PrimaryColumn("varchar", { length: 36 })
  id: string;

  // Stored as ISO 8601 text so it sorts and pages identically on SQLite and MySQL.
  @Field({ description: "When the change was committed (UTC)." })
  @Column("varchar", { length: 24, transformer: { to: (d?: Date) => d?.toISOString(), from: (s: string) => new Date(s) } })
  at: Date;

  @Field(() => AuditAction, { description: "Create, update or delete." })
  @Column("varchar", { length: 10 })
  action: AuditAction;

  @Field({ description: "GraphQL type of the record, e.g. Program." })
  @Column("varchar", { length: 40 })
  entityType: string;

  @Field({ description: "Id of the record." })
  @Column("varchar", { length: 36 })
  entityId: string;

  @Field(() => Int, { description: "The record's version after the change." })
  @Column("int")
  version: number;

  @Field({ description: "Who made the change: token subject, API key or service." })
  @Column("varchar", { length: 160 })
  actor: string;

  @Field({ description: "The actor's role at the time." })
  @Column("varchar", { length: 10 })
  actorRole: string;

  @Field(() => String, { nullable: true, description: "The institution the actor acted for." })
  @Column("varchar", { length: 36, nullable: true })
  actorInstitutionId: string | null;

  @Field(() => [FieldChange], { description: "The fields that changed." })
  @Column("simple-json")
  changes: FieldChange[];
}

@Directive("@shareable")
@ObjectType({ description: "A page of audit entries." })
export class AuditEntryConnection extends Connection(AuditEntry, "AuditEntry", { shareable: true }) {}
