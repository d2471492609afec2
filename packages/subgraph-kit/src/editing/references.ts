import { In, type EntityManager, type ObjectLiteral } from "typeorm";
import type { ClassType } from "type-graphql";
import { BadUserInputError } from "@sstc/service-kit";
import { typeNameOf } from "../record";

/** A reference from input to a record of this same subgraph. */
export interface LocalReference {
  /** The referenced entity's class; its name names the type in the error. */
  entity: ClassType<ObjectLiteral>;
  /** Key column, `id` unless said otherwise. */
  column?: string;
  value: string | null | undefined;
  /** Input path for the error, e.g. "input.parentId". */
  field: string;
}

/**
 * Refuses input naming records of this subgraph that do not exist (or are
 * deleted): one query per referenced type, and one error listing every
 * dangling reference, before anything is written.
 */
export async function assertLocalReferences(manager: EntityManager, references: LocalReference[]): Promise<void> {
  const wanted = references.filter((r) => r.value);
  const groups = new Map<string, LocalReference[]>();
  for (const ref of wanted) {
    const k = `${typeNameOf(ref.entity)}.${ref.column ?? "id"}`;
    groups.set(k, [...(groups.get(k) ?? []), ref]);
  }
  const dangling: LocalReference[] = [];
  for (const refs of groups.values()) {
    const column = refs[0].column ?? "id";
    const values = [...new Set(refs.map((r) => r.value!))];
    const found = await manager.getRepository(refs[0].entity).find({ select: { [column]: true }, where: { [column]: In(values) } });
    const present = new Set(found.map((row) => row[column]));
    dangling.push(...refs.filter((r) => !present.has(r.value)));
  }
  if (dangling.length) {
    throw new BadUserInputError(
      `Unknown references: ${dangling.map((r) => `${r.field} names no ${typeNameOf(r.entity)} ${JSON.stringify(r.value)}`).join("; ")}.`,
      {
        fields: dangling.map((r) => ({ field: r.field, messages: [`no ${typeNameOf(r.entity)} ${r.value}`] })),
      },
    );
  }
}
