import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

/*
 * The boundaries of the architecture, read from the sources: the gateway
 * knows the subgraphs only through the supergraph, and no subgraph imports
 * another (references cross only as federation keys).
 */
const ROOT = resolve(__dirname, "../..");
const SUBGRAPHS = ["programs", "institutions", "partners"];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith(".ts") ? [join(dir, entry.name)] : [],
  );
}

const importsOf = (file: string) => [...readFileSync(file, "utf8").matchAll(/from\s+"([^"]+)"|require\("([^"]+)"\)/g)].map((m) => m[1] ?? m[2]);

describe("boundaries", () => {
  it("the gateway's code imports no subgraph", () => {
    const offending = sources(join(ROOT, "gateway/src")).flatMap((file) =>
      importsOf(file)
        .filter((spec) => SUBGRAPHS.some((name) => spec === `@sstc/${name}` || spec.includes(`services/${name}`)))
        .map((spec) => `${file}: ${spec}`),
    );
    expect(offending).toEqual([]);
  });

  it.each(SUBGRAPHS)("the %s subgraph imports no other subgraph", (name) => {
    const others = SUBGRAPHS.filter((other) => other !== name);
    const offending = sources(join(ROOT, "services", name, "src")).flatMap((file) =>
      importsOf(file)
        .filter((spec) => others.some((other) => spec === `@sstc/${other}` || spec.includes(`/${other}/`)))
        .map((spec) => `${file}: ${spec}`),
    );
    expect(offending).toEqual([]);
  });
});
