import { readFileSync } from "node:fs";
import { join } from "node:path";
import { composeSupergraph, SCHEMA_DIR } from "@sstc/schema";
import { buildASTSchema, parse, type GraphQLNamedType, isObjectType, isInterfaceType, isInputObjectType } from "graphql";

const ROOT_TYPES = new Set(["Query", "Mutation", "Subscription"]);

describe("committed schema files", () => {
  let files: Record<string, string>;
  beforeAll(async () => {
    ({ files } = await composeSupergraph());
  });

  it.each(["programs.graphql", "institutions.graphql", "partners.graphql", "supergraph.graphql", "api.graphql"])(
    "schema/%s matches what the code produces (run `npm run schema:compose` after changing a schema)",
    (name) => {
      expect(readFileSync(join(SCHEMA_DIR, name), "utf8")).toBe(files[name]);
    },
  );

  it("describes every type and field of the client-facing API", () => {
    const schema = buildASTSchema(parse(files["api.graphql"]));
    const missing: string[] = [];
    const check = (type: GraphQLNamedType) => {
      if (type.name.startsWith("__")) return;
      if (!type.description && !ROOT_TYPES.has(type.name)) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) if (!field.description) missing.push(`${type.name}.${field.name}`);
      }
    };
    Object.values(schema.getTypeMap())
      .filter((t) => !["String", "Int", "Float", "Boolean", "ID"].includes(t.name))
      .forEach(check);
    expect(missing).toEqual([]);
  });
});
