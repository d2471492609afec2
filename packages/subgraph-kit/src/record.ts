import { BeforeInsert, BeforeUpdate, Column, DeleteDateColumn, PrimaryColumn, VersionColumn, type TableColumnOptions } from "typeorm";
import { Field, ID, Int, ObjectType, type ClassType } from "type-graphql";
import { newId } from "./ids";

/** Field names stored comma-separated (GraphQL names never hold a comma); TypeORM may hand either form to both directions. */
const placeholderFieldsColumn = {
  to: (names: unknown) => (Array.isArray(names) ? names.join(",") : names),
  from: (text: unknown) => (Array.isArray(text) ? text : typeof text === "string" && text ? text.split(",") : []),
};

/**
 * Columns every editable record has: a UUID id, a version that catches
 * concurrent edits, timestamps, and a soft-delete mark. TypeORM bumps
 * `version` on each save.
 */
@ObjectType()
export abstract class BaseRecord {
  @Field(() => ID, { description: "Stable identifier (UUID)." })
  @PrimaryColumn("varchar", { length: 36 })
  id: string;

  @Field(() => Int, { description: "Incremented on every change; name it when updating to avoid overwriting someone else's edit." })
  @VersionColumn()
  version: number;

  @Field({ description: "When the record was created (UTC)." })
  @Column({ type: "datetime", precision: 3 })
  createdAt: Date;

  @Field({ description: "When the record last changed (UTC)." })
  @Column({ type: "datetime", precision: 3 })
  updatedAt: Date;

  @DeleteDateColumn({ type: "datetime", precision: 3, nullable: true })
  deletedAt: Date | null;

  @Field({ description: "True when the whole record stands in for something no source documents (demo data); its `sources` are then empty." })
  @Column("boolean", { default: false })
  isPlaceholder: boolean;

  @Field(() => [String], {
    description:
      "Fields of this record whose values no source documents (demo data), by GraphQL field name; empty when every value is documented or the record is a placeholder.",
  })
  @Column("varchar", { length: 500, default: "", transformer: placeholderFieldsColumn })
  placeholderFields: string[];

  @BeforeInsert()
  protected stampInsert() {
    this.id ??= newId();
    const now = new Date();
    this.createdAt ??= now;
    this.updatedAt ??= now;
  }

  @BeforeUpdate()
  protected stampUpdate() {
    this.updatedAt = new Date();
  }
}

/**
 * The name an entity's type goes by in errors and audit entries: its class's
 * name, which is also its GraphQL type's (each entity is an `@ObjectType()`
 * that takes its class's name).
 */
export const typeNameOf = (entity: ClassType<object>): string => entity.name;

/** The migration columns matching {@link BaseRecord}. */
export function recordColumns(): TableColumnOptions[] {
  return [
    { name: "id", type: "varchar", length: "36", isPrimary: true },
    { name: "version", type: "int", default: 1 },
    { name: "createdAt", type: "datetime", precision: 3 },
    { name: "updatedAt", type: "datetime", precision: 3 },
    { name: "deletedAt", type: "datetime", precision: 3, isNullable: true },
  ];
}

/**
 * The provenance columns of {@link BaseRecord} (added to the first tables by
 * each subgraph's Provenance migration): a table created later lists them
 * with `recordColumns()`.
 */
export function provenanceColumns(): TableColumnOptions[] {
  return [
    { name: "isPlaceholder", type: "boolean", default: false },
    { name: "placeholderFields", type: "varchar", length: "500", default: "''" },
  ];
}

/** A UUID reference column for migrations. */
export const idColumn = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: "varchar",
  length: "36",
  isNullable: nullable,
});

/** A text column for migrations (varchar, so it can be indexed on MySQL). */
export const textColumn = (name: string, length = 255, nullable = false): TableColumnOptions => ({
  name,
  type: "varchar",
  length: String(length),
  isNullable: nullable,
});
