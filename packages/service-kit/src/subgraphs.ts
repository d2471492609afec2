/**
 * The one list of the graph's subgraphs. The launcher, the compose script,
 * every service's configuration, the test kit and the reference checks read
 * it; the container files are checked against it by a test. Adding a
 * subgraph starts here.
 */
export const SUBGRAPHS = [
  {
    name: "programs",
    port: 4001,
    /** The entity types this subgraph owns (resolves by key), with the key other subgraphs reference them by. */
    owns: { Program: "id", Edition: "id", Source: "id" },
  },
  {
    name: "institutions",
    port: 4002,
    owns: { Institution: "id", Country: "code", AdministrativeArea: "id", Person: "id" },
  },
  {
    name: "partners",
    port: 4003,
    owns: { Partner: "id", Agreement: "id" },
  },
] as const;

export type SubgraphName = (typeof SUBGRAPHS)[number]["name"];
export type SubgraphEntry = (typeof SUBGRAPHS)[number];

type OwnedBy<S> = S extends { owns: infer O } ? keyof O : never;
/** An entity type some subgraph owns. */
export type OwnedType = OwnedBy<SubgraphEntry>;

export const SUBGRAPH_NAMES: readonly SubgraphName[] = SUBGRAPHS.map((s) => s.name);

/** The environment variable that holds a subgraph's URL, e.g. PROGRAMS_URL. */
export const urlVariable = (name: SubgraphName) => `${name.toUpperCase()}_URL` as `${Uppercase<SubgraphName>}_URL`;

/** A subgraph's URL on loopback at its default port. */
export const defaultSubgraphUrl = (name: SubgraphName) => `http://127.0.0.1:${subgraph(name).port}/graphql`;

export function subgraph(name: SubgraphName): SubgraphEntry {
  return SUBGRAPHS.find((s) => s.name === name)!;
}

/** The subgraph that owns an entity type, and the key field it is referenced by. */
export function ownerOf(type: OwnedType): { subgraph: SubgraphName; key: string } {
  for (const s of SUBGRAPHS) {
    const key = (s.owns as Partial<Record<OwnedType, string>>)[type];
    if (key) return { subgraph: s.name, key };
  }
  throw new Error(`No subgraph owns ${type}`);
}

export type UrlVariable = ReturnType<typeof urlVariable>;

/** `<NAME>_URL` for every subgraph, e.g. for a child process's environment. */
export function urlVariables(urlOf: (name: SubgraphName) => string): Record<UrlVariable, string> {
  return Object.fromEntries(SUBGRAPHS.map((s) => [urlVariable(s.name), urlOf(s.name)])) as Record<UrlVariable, string>;
}
