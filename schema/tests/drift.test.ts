import { readFileSync } from "node:fs";
import { join } from "node:path";
import { composeSupergraph, SCHEMA_DIR } from "@sstc/schema";
import { buildASTSchema, parse, type GraphQLNamedType, isEnumType, isObjectType, isInterfaceType, isInputObjectType } from "graphql";

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

  it("describes every type, field, argument and enum value of the client-facing API", () => {
    const schema = buildASTSchema(parse(files["api.graphql"]));
    const missing: string[] = [];
    const check = (type: GraphQLNamedType) => {
      if (type.name.startsWith("__")) return;
      if (!type.description && !ROOT_TYPES.has(type.name)) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) if (!field.description) missing.push(`${type.name}.${field.name}`);
      }
      if (isObjectType(type) || isInterfaceType(type)) {
        for (const field of Object.values(type.getFields())) {
          for (const arg of field.args) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name}:)`);
        }
      }
      if (isEnumType(type)) for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
    };
    Object.values(schema.getTypeMap())
      .filter((t) => !["String", "Int", "Float", "Boolean", "ID"].includes(t.name))
      .forEach(check);
    expect(missing).toEqual([]);
  });
});
