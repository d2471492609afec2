import { readFileSync } from "node:fs";
import { join } from "node:path";
import { codegen } from "@graphql-codegen/core";
import * as typescript from "@graphql-codegen/typescript";
import * as typescriptOperations from "@graphql-codegen/typescript-operations";
import { EXAMPLE_OPERATIONS } from "@sstc/gateway";
import { SCHEMA_DIR } from "@sstc/schema";
import { buildSchema, Kind, NoDeprecatedCustomRule, parse, print, specifiedRules, validate, type DocumentNode, type OperationDefinitionNode } from "graphql";

/*
 * The README's and GraphiQL's example operations are what a newcomer copies:
 * they must run on the API as committed, show no deprecated field, and go
 * through GraphQL Code Generator as written, so each is one named operation
 * and no name stands for two different operations.
 */
const README = join(SCHEMA_DIR, "..", "README.md");
const API = readFileSync(join(SCHEMA_DIR, "api.graphql"), "utf8");
const examples = [...readFileSync(README, "utf8").matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);

interface Example {
  source: string;
  document: DocumentNode;
}
const operationsOf = (document: DocumentNode) => document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
const readme: Example[] = examples.map((text, i) => ({ source: `README #${i + 1}`, document: parse(text) }));
const graphiql: Example[] = EXAMPLE_OPERATIONS.map((op) => ({ source: `GraphiQL ${op.name}`, document: parse(op.query) }));

describe("README example operations", () => {
  it("are there to check", () => {
    expect(examples.length).toBeGreaterThanOrEqual(4);
  });

  it.each(examples.map((text, i) => [i + 1, text]))("#%d is valid against schema/api.graphql and uses no deprecated field", (_n, text) => {
    const schema = buildSchema(API);
    const errors = validate(schema, parse(text), [...specifiedRules, NoDeprecatedCustomRule]).map((e) => e.message);
    expect(errors).toEqual([]);
  });
});

describe("README and GraphiQL example operations, for GraphQL Code Generator", () => {
  it("are each one named operation", () => {
    const unnamed = [...readme, ...graphiql]
      .filter(({ document }) => operationsOf(document).length !== 1 || !operationsOf(document)[0].name)
      .map(({ source }) => source);
    expect(unnamed).toEqual([]);
    expect(graphiql.map(({ document }) => operationsOf(document)[0].name?.value)).toEqual(EXAMPLE_OPERATIONS.map((op) => op.name));
  });

  it("use each name for one operation only (the README quotes a GraphiQL tab under its name word for word, or names its own differently)", () => {
    const byName = new Map<string, { source: string; text: string }>();
    const clashes: string[] = [];
    for (const { source, document } of [...graphiql, ...readme]) {
      const name = operationsOf(document)[0]?.name?.value ?? "";
      const text = print(document);
      const seen = byName.get(name);
      if (seen && seen.text !== text) clashes.push(`${source} and ${seen.source} are both ${name}`);
      byName.set(name, seen ?? { source, text });
    }
    expect(clashes).toEqual([]);
  });

  it("generate TypeScript types with the typescript and typescript-operations plugins, without an error", async () => {
    // A README quote of a GraphiQL tab is the same operation: it is generated once.
    const unique = new Map([...graphiql, ...readme].map(({ source, document }) => [print(document), { location: source, document }]));
    const output = await codegen({
      filename: "operations.ts",
      schema: parse(API),
      documents: [...unique.values()],
      plugins: [{ typescript: {} }, { typescriptOperations: {} }],
      pluginMap: { typescript, typescriptOperations },
      config: { scalars: { Date: "string", DateTimeISO: "string" } },
    });
    for (const { document } of unique.values()) {
      const operation = operationsOf(document)[0];
      const suffix = operation.operation === "mutation" ? "Mutation" : "Query";
      expect(output).toContain(`export type ${operation.name!.value}${suffix} = `);
    }
  });
});
