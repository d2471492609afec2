import { In, type EntityManager } from "typeorm";
import type { ClassType } from "type-graphql";
import { newId } from "../ids";
import { typeNameOf, type BaseRecord } from "../record";
import { Citation } from "./citation.entity";

/** Records of one type, by id. */
export interface RecordSet {
  entity: ClassType<BaseRecord>;
  ids: string[];
}

/** What one source says about records of a data set (the demo data, an import). */
export interface Provenance {
  sourceId: string;
  /** Records the source documents; `placeholderFields` names their fields whose values it does not give. */
  documented: Array<RecordSet & { placeholderFields?: string[] }>;
  /** Records that stand in for something the source does not document at all. */
  placeholders?: RecordSet[];
}

/** Cites the source on the records it documents and marks what it does not, in the caller's transaction. */
export async function recordProvenance(m: EntityManager, provenance: Provenance): Promise<void> {
  const now = new Date();
  for (const { entity, ids, placeholderFields } of provenance.documented) {
    if (!ids.length) continue;
    await m
      .getRepository(Citation)
      .insert(ids.map((entityId) => ({ id: newId(), entityType: typeNameOf(entity), entityId, sourceId: provenance.sourceId, locator: null, createdAt: now })));
    if (placeholderFields?.length) await m.getRepository(entity).update({ id: In(ids) }, { placeholderFields });
  }
  for (const { entity, ids } of provenance.placeholders ?? []) {
    if (ids.length) await m.getRepository(entity).update({ id: In(ids) }, { isPlaceholder: true, placeholderFields: [] });
  }
}
