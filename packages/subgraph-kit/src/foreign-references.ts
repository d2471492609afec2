import { BadUserInputError, callSubgraph, ownerOf, type OwnedType, type Principal, type ServiceLinks, type SubgraphName } from "@sstc/service-kit";

/** A reference to an entity another subgraph owns, and where in the input it was named. */
export interface ForeignReference {
  typename: OwnedType;
  key: string;
  /** Input path for the error, e.g. "participations.3.personId". */
  field: string;
}

/**
 * Refuses input that names entities which do not exist in their owning
 * subgraph (found in the subgraph registry): one `_entities` call per owning
 * subgraph, however many references. Throws BAD_USER_INPUT listing every
 * dangling reference by input field.
 */
export async function assertReferencesExist(links: ServiceLinks, principal: Principal, references: ForeignReference[]): Promise<void> {
  const unique = [...new Map(references.map((r) => [`${r.typename}:${r.key}`, r])).values()];
  const byOwner = new Map<SubgraphName, ForeignReference[]>();
  for (const r of unique) {
    const owner = ownerOf(r.typename).subgraph;
    byOwner.set(owner, [...(byOwner.get(owner) ?? []), r]);
  }
  const missing = new Set<string>();
  await Promise.all(
    [...byOwner].map(async ([owner, asked]) => {
      const data = await callSubgraph<{ _entities: Array<{ __typename: string } | null> }>(
        links,
        owner,
        principal,
        "query ReferencesExist($r: [_Any!]!) { _entities(representations: $r) { __typename } }",
        { r: asked.map((r) => ({ __typename: r.typename, [ownerOf(r.typename).key]: r.key })) },
      );
      asked.forEach((r, i) => data._entities[i] || missing.add(`${r.typename}:${r.key}`));
    }),
  );
  const dangling = references.filter((r) => missing.has(`${r.typename}:${r.key}`));
  if (dangling.length) {
    throw new BadUserInputError(`Unknown references: ${dangling.map((r) => `${r.field} names no ${r.typename} ${JSON.stringify(r.key)}`).join("; ")}.`, {
      fields: dangling.map((r) => ({ field: r.field, messages: [`no ${r.typename} ${r.key}`] })),
    });
  }
}
