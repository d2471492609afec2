import { Kind, parse, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from "graphql";

type Path = Array<string | number>;

/**
 * The fields a failed subgraph fetch would have filled, as paths the
 * gateway's executeQueryPlan understands: `[field]` for a root fetch (it
 * prefixes the fetch's place in the response), `["_entities", i, field]` for
 * an entity fetch (it swaps `_entities, i` for the i-th entity's own path).
 */
export function affectedPaths(document: DocumentNode | undefined, request: { query?: string; variables?: Record<string, unknown> }): Path[] {
  const doc = document ?? (request.query ? parse(request.query) : undefined);
  const operation = doc?.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (!doc || !operation || operation.kind !== Kind.OPERATION_DEFINITION) return [];
  const fragments = new Map(doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
  const representations = request.variables?.representations;
  if (!Array.isArray(representations)) return fieldsOf(operation.selectionSet, fragments).map((f) => [f.name]);
  const entities = operation.selectionSet.selections.find((s) => s.kind === Kind.FIELD && s.name.value === "_entities");
  if (!entities || entities.kind !== Kind.FIELD || !entities.selectionSet) return [];
  const fields = fieldsOf(entities.selectionSet, fragments);
  return representations.flatMap((representation, i) => {
    const typename = (representation as { __typename?: unknown } | null)?.__typename;
    const own = fields.filter((f) => !f.type || f.type === typename);
    // A type condition on an interface matches no representation's typename: then every field may apply.
    return [...new Set((own.length ? own : fields).map((f) => f.name))].map((name) => ["_entities", i, name]);
  });
}

/** Response names selected in a selection set, through inline fragments and fragment spreads, with the type they were selected on. */
function fieldsOf(
  set: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  type?: string,
  seen = new Set<string>(),
): Array<{ name: string; type?: string }> {
  return set.selections.flatMap((s) => {
    if (s.kind === Kind.FIELD) return s.name.value === "__typename" ? [] : [{ name: (s.alias ?? s.name).value, type }];
    if (s.kind === Kind.INLINE_FRAGMENT) return fieldsOf(s.selectionSet, fragments, s.typeCondition?.name.value ?? type, seen);
    const fragment = fragments.get(s.name.value);
    if (!fragment || seen.has(fragment.name.value)) return [];
    return fieldsOf(fragment.selectionSet, fragments, fragment.typeCondition.name.value, new Set([...seen, fragment.name.value]));
  });
}
