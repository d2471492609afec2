import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import ts from "typescript";
import { ErrorCode } from "@sstc/service-kit";

/*
 * The boundaries of the architecture, read from the sources: the gateway
 * knows the subgraphs only through the supergraph, no subgraph imports
 * another (references cross only as federation keys), and error codes are
 * written in one place.
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

/** Every source file of the graph's packages, services and gateway. */
const allSources = () =>
  ["packages", "services"]
    .flatMap((group) =>
      readdirSync(join(ROOT, group), { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => join(ROOT, group, e.name, "src")),
    )
    .concat(join(ROOT, "gateway/src"))
    .flatMap((dir) => sources(dir));

/** The string literals of a TypeScript file (not its comments), with their line numbers. */
function stringLiterals(file: string): Array<{ text: string; line: number }> {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const found: Array<{ text: string; line: number }> = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      found.push({ text: node.text, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("error codes", () => {
  const ERRORS_MODULE = join(ROOT, "packages/service-kit/src/errors.ts");
  const codes = new Set<string>(Object.values(ErrorCode));

  it("are written out only in errors.ts; everywhere else they are ErrorCode members", () => {
    const files = allSources().filter((file) => file !== ERRORS_MODULE);
    expect(files.length).toBeGreaterThan(50);
    const offending = files.flatMap((file) =>
      stringLiterals(file)
        .filter(({ text }) => codes.has(text))
        .map(({ text, line }) => `${relative(ROOT, file)}:${line}: "${text}"`),
    );
    expect(offending).toEqual([]);
  });

  it("are the codes the README's table lists", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const table = readme.slice(readme.indexOf("### Error codes"), readme.indexOf("### Layout"));
    const listed = [...table.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]);
    expect(listed.sort()).toEqual([...codes].sort());
  });
});
