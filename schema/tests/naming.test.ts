import { readFileSync } from "node:fs";
import { join } from "node:path";
import { SCHEMA_DIR } from "@sstc/schema";
import { buildASTSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType, parse, type GraphQLArgument } from "graphql";

/*
 * The API's one vocabulary: identifiers say "program" (README, "Naming");
 * "programme" belongs in prose only. A name that still has it must be a
 * deprecated twin, kept until its removal date (CHANGELOG.md).
 */
const FORBIDDEN = /programme/i;

/** Every identifier of the schema that is not deprecated, as `Type`, `Type.field`, `Type.field(arg)`, `Enum.VALUE` or `@directive(arg)`. */
function liveIdentifiers(sdl: string): string[] {
  const schema = buildASTSchema(parse(sdl));
  const names: string[] = [];
  const args = (owner: string, list: readonly GraphQLArgument[]) => list.filter((a) => !a.deprecationReason).map((a) => `${owner}(${a.name})`);
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith("__")) continue;
    names.push(type.name);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (field.deprecationReason) continue;
        names.push(`${type.name}.${field.name}`, ...args(`${type.name}.${field.name}`, field.args));
      }
    }
    if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) if (!field.deprecationReason) names.push(`${type.name}.${field.name}`);
    }
    if (isEnumType(type)) {
      for (const value of type.getValues()) if (!value.deprecationReason) names.push(`${type.name}.${value.name}`);
    }
  }
  for (const directive of schema.getDirectives()) names.push(`@${directive.name}`, ...args(`@${directive.name}`, directive.args));
  return names;
}

describe("identifiers of the client-facing API", () => {
  it('say "program", not "programme", unless deprecated', () => {
    const offending = liveIdentifiers(readFileSync(join(SCHEMA_DIR, "api.graphql"), "utf8")).filter((name) => FORBIDDEN.test(name));
    expect(offending).toEqual([]);
  });

  it("are all looked at, deprecated or not", () => {
    // A guard on the walk itself: a forbidden name in each kind of place is found, and a deprecated one is not.
    const sample = `
      type Query { programmeField(programmeArg: Int): Int  programmeOld: Int @deprecated(reason: "Use \`programField\`.") }
      input ProgrammeInput { programmeInputField: Int }
      enum Kind { PROGRAMME }
      directive @programmeDirective(programmeDirectiveArg: Int) on FIELD_DEFINITION
    `;
    expect(liveIdentifiers(sample).filter((name) => FORBIDDEN.test(name))).toEqual([
      "Query.programmeField",
      "Query.programmeField(programmeArg)",
      "ProgrammeInput",
      "ProgrammeInput.programmeInputField",
      "Kind.PROGRAMME",
      "@programmeDirective",
      "@programmeDirective(programmeDirectiveArg)",
    ]);
  });
});
