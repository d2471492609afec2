import { BeforeInsert, BeforeUpdate, Column, DeleteDateColumn, PrimaryColumn, VersionColumn, type TableColumnOptions } from "typeorm";
import { Field, ID, Int, ObjectType, type ClassType } from "type-graphql";
import { newId } from "./ids";

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
