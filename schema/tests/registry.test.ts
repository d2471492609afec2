import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse, Kind, type ObjectTypeDefinitionNode } from "graphql";
import { SUBGRAPHS } from "@sstc/service-kit";
import { SCHEMA_DIR, SUBGRAPHS as COMPOSED } from "@sstc/schema";

/* The subgraph registry (@sstc/service-kit) against the committed subgraph schemas it describes. */

/** Each entity type a subgraph's SDL declares, with the fields of its @key directives. */
function entities(name: string): Map<string, string[]> {
  const document = parse(readFileSync(join(SCHEMA_DIR, `${name}.graphql`), "utf8"));
  const found = new Map<string, string[]>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
    const keys = ((definition as ObjectTypeDefinitionNode).directives ?? [])
      .filter((d) => d.name.value === "key")
      .map((d) => d.arguments?.find((a) => a.name.value === "fields")?.value)
      .flatMap((v) => (v?.kind === Kind.STRING ? [v.value] : []));
    if (keys.length) found.set(definition.name.value, keys);
  }
  return found;
}

describe("the subgraph registry", () => {
  it("is what the supergraph is composed from, in the same order", () => {
    expect(COMPOSED.map((s) => s.name)).toEqual(SUBGRAPHS.map((s) => s.name));
  });

  it("names one owner for every entity type of the graph", () => {
    const declared = new Set(SUBGRAPHS.flatMap((s) => [...entities(s.name).keys()]));
    const owned = SUBGRAPHS.flatMap((s) => Object.keys(s.owns));
    expect(new Set(owned).size).toBe(owned.length);
    expect([...declared].sort()).toEqual([...owned].sort());
  });

  it.each(SUBGRAPHS.map((s) => [s.name, s] as const))("gives the keys %s declares for the types it owns", (name, entry) => {
    const declared = entities(name);
    for (const [type, key] of Object.entries(entry.owns)) expect(declared.get(type)).toContain(key);
  });

  it("gives each subgraph its own port", () => {
    expect(new Set(SUBGRAPHS.map((s) => s.port)).size).toBe(SUBGRAPHS.length);
  });
});
