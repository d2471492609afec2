import {
  Kind,
  parse,
  print,
  visit,
  type DefinitionNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionNode,
  type VariableDefinitionNode,
} from "graphql";

/** One subgraph read as the query planner made it. */
export interface FetchRequest {
  query?: string;
  operationName?: string;
  variables?: Record<string, unknown>;
  extensions?: Record<string, unknown>;
}

/** A GraphQL response body (or what came back in its place). */
type Body = { data?: Record<string, unknown> | null; errors?: Array<{ path?: ReadonlyArray<string | number> } & Record<string, unknown>> } & Record<
  string,
  unknown
>;

export interface MergedFetch {
  query: string;
  operationName: string;
  variables: Record<string, unknown>;
  /** The answer to each request, in order, cut from the answer to the merged one. */
  split(body: unknown): unknown[];
}

/** How some query texts merge: the merged text and how to cut its answer; the same for every call of the same texts. */
interface MergePlan {
  query: string;
  operationName: string;
  split(body: unknown): unknown[];
}

/** Merge plans by the texts merged (a plan's fetches repeat with every request of an operation); least recently used go first. */
const PLANS = new Map<string, MergePlan | null>();
const MAX_PLANS = 500;

/**
 * Several reads the query planner sends to one subgraph at the same moment
 * (parallel fetches of one plan) as one operation, the way Hive's and
 * Apollo Router's planners merge them: each request's variables, fragments
 * and top-level fields get a prefix of their own (`_0_`, `_1_`, …), so
 * nothing one of them names can meet another's, and the subgraph resolves
 * all of them in one execution — its per-request DataLoaders batch across
 * them, so two lists of countries cost one statement, not two. Null when a
 * request is not a plain query that can be merged (anything else is sent
 * as it is).
 */
export function mergeFetches(requests: readonly FetchRequest[]): MergedFetch | null {
  if (requests.some((r) => !r.query || r.extensions)) return null;
  const texts = requests.map((r) => `${r.operationName ?? ""}\n${r.query}`).join("\u0000");
  let plan = PLANS.get(texts);
  if (plan === undefined) {
    plan = planMerge(requests);
    if (PLANS.size >= MAX_PLANS) PLANS.delete(PLANS.keys().next().value!);
  } else PLANS.delete(texts);
  PLANS.set(texts, plan);
  if (!plan) return null;
  const variables: Record<string, unknown> = {};
  requests.forEach((request, index) => {
    for (const [name, value] of Object.entries(request.variables ?? {})) variables[`_${index}_${name}`] = value;
  });
  return { ...plan, variables };
}

function planMerge(requests: readonly FetchRequest[]): MergePlan | null {
  const variableDefinitions: VariableDefinitionNode[] = [];
  const selections: SelectionNode[] = [];
  const fragments: DefinitionNode[] = [];
  // Merged top-level response key → which request and the key it asked for.
  const keys = new Map<string, { index: number; key: string }>();
  const ownKeys: string[][] = [];
  for (const [index, request] of requests.entries()) {
    if (!request.query || request.extensions) return null;
    const prefix = `_${index}_`;
    let document;
    try {
      document = parse(request.query, { noLocation: true });
    } catch {
      return null;
    }
    const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    if (operations.length !== 1 || operations[0].operation !== "query" || operations[0].directives?.length) return null;
    const renamed = visit(document, {
      Variable: (node) => ({ ...node, name: { ...node.name, value: prefix + node.name.value } }),
      FragmentSpread: (node) => ({ ...node, name: { ...node.name, value: prefix + node.name.value } }),
      FragmentDefinition: (node) => ({ ...node, name: { ...node.name, value: prefix + node.name.value } }),
    });
    const operation = renamed.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
    const mine: string[] = [];
    for (const selection of operation.selectionSet.selections) {
      // Fetches select fields at their root; a fragment there would hide which keys are whose.
      if (selection.kind !== Kind.FIELD) return null;
      const key = selection.alias?.value ?? selection.name.value;
      const merged = prefix + key;
      keys.set(merged, { index, key });
      mine.push(key);
      selections.push({ ...selection, alias: { kind: Kind.NAME, value: merged } });
    }
    ownKeys.push(mine);
    variableDefinitions.push(...(operation.variableDefinitions ?? []));
    fragments.push(...renamed.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION));
  }
  const operationName = `${requests[0].operationName ?? "Fetch"}__merged`;
  const query = print({
    kind: Kind.DOCUMENT,
    definitions: [
      {
        kind: Kind.OPERATION_DEFINITION,
        operation: "query" as never,
        name: { kind: Kind.NAME, value: operationName },
        variableDefinitions,
        selectionSet: { kind: Kind.SELECTION_SET, selections },
      },
      ...fragments,
    ],
  });
  const split = (answer: unknown): unknown[] => {
    if (typeof answer !== "object" || answer === null) return requests.map(() => answer);
    const { data, errors, ...rest } = answer as Body;
    const parts: Body[] = ownKeys.map((mine, index) => ({
      ...rest,
      ...(data === undefined ? {} : { data: data === null ? null : Object.fromEntries(mine.map((key) => [key, data[`_${index}_${key}`]])) }),
    }));
    for (const error of errors ?? []) {
      const owner = typeof error.path?.[0] === "string" ? keys.get(error.path[0]) : undefined;
      // An error of one request's field goes to that request, at its own path; one of the whole operation goes to all.
      const targets = owner
        ? [{ part: parts[owner.index], error: { ...error, path: [owner.key, ...error.path!.slice(1)] } }]
        : parts.map((part) => ({ part, error }));
      for (const { part, error: e } of targets) (part.errors ??= []).push(e);
    }
    return parts;
  };
  return { query, operationName, split };
}
