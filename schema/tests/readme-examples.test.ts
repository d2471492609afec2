import { readFileSync } from "node:fs";
import { join } from "node:path";
import { SCHEMA_DIR } from "@sstc/schema";
import { buildSchema, NoDeprecatedCustomRule, parse, specifiedRules, validate } from "graphql";

/* The README's GraphQL examples are what a newcomer copies: they must run on the API as committed and show no deprecated field. */
const README = join(SCHEMA_DIR, "..", "README.md");
const examples = [...readFileSync(README, "utf8").matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);

describe("README example operations", () => {
  it("are there to check", () => {
    expect(examples.length).toBeGreaterThanOrEqual(4);
  });

  it.each(examples.map((text, i) => [i + 1, text]))("#%d is valid against schema/api.graphql and uses no deprecated field", (_n, text) => {
    const schema = buildSchema(readFileSync(join(SCHEMA_DIR, "api.graphql"), "utf8"));
    const errors = validate(schema, parse(text), [...specifiedRules, NoDeprecatedCustomRule]).map((e) => e.message);
    expect(errors).toEqual([]);
  });
});
