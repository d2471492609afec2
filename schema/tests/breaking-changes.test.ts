import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CriticalityLevel, diff, type Change } from "@graphql-inspector/core";
import { buildASTSchema, buildSchema, parse, visit, type GraphQLSchema } from "graphql";
import { SCHEMA_DIR } from "@sstc/schema";

/*
 * Clients rely on the API as released: nothing may break it unless the
 * break is intended, listed with its reason in
 * schema/released/intended-breaking-changes.json and told in CHANGELOG.md.
 * schema/released/api.graphql is the API as last released; a release copies
 * schema/api.graphql over it and empties the list (README, "Schema
 * governance"). Dangerous and safe changes pass; they are reported.
 */
const read = (...path: string[]) => readFileSync(join(SCHEMA_DIR, ...path), "utf8");

interface IntendedChange {
  /** graphql-inspector's message for the change, word for word. */
  message: string;
  /** Why the break is worth it to clients. */
  reason: string;
}

const released = buildSchema(read("released", "api.graphql"));
const current = buildSchema(read("api.graphql"));
const intended: IntendedChange[] = JSON.parse(read("released", "intended-breaking-changes.json"));

/** Breaking changes between two schemas that are not listed as intended, and intended ones that do not happen. */
async function check(before: GraphQLSchema, after: GraphQLSchema) {
  const changes = await diff(before, after);
  const breaking = changes.filter((c) => c.criticality.level === CriticalityLevel.Breaking);
  const listed = new Set(intended.map((c) => c.message));
  return {
    changes,
    unlisted: breaking.filter((c) => !listed.has(c.message)).map((c) => c.message),
    stale: intended.filter((c) => !breaking.some((b) => b.message === c.message)).map((c) => c.message),
  };
}

let result: Awaited<ReturnType<typeof check>>;
beforeAll(async () => {
  result = await check(released, current);
});

describe("schema/api.graphql against the API as last released", () => {
  it("breaks nothing that is not listed as intended (list it in schema/released/intended-breaking-changes.json, with CHANGELOG.md)", () => {
    expect(result.unlisted).toEqual([]);
  });

  it("lists no intended change that does not happen", () => {
    expect(result.stale).toEqual([]);
  });

  it("gives each intended change a reason, and the changelog names what it changes", () => {
    const changelog = read("..", "CHANGELOG.md");
    const byMessage = new Map<string, Change>(result.changes.map((c) => [c.message, c]));
    const untold = intended.filter((c) => !c.reason.trim() || !changelog.includes(`\`${byMessage.get(c.message)?.path}\``)).map((c) => c.message);
    expect(untold).toEqual([]);
  });

  it("reports the dangerous changes, which pass", () => {
    const dangerous = result.changes.filter((c) => c.criticality.level === CriticalityLevel.Dangerous);
    const safe = result.changes.filter((c) => c.criticality.level === CriticalityLevel.NonBreaking);
    console.info(
      `Since the last release: ${safe.length} safe changes, ${dangerous.length} dangerous ones (both pass)${dangerous.map((c) => `\n- ${c.message}`).join("")}`,
    );
    expect(result.changes.length).toBeGreaterThan(0);
  });

  it("would refuse a field removed without being listed", async () => {
    // schema/api.graphql without Edition.venue.
    const document = visit(parse(read("api.graphql")), {
      ObjectTypeDefinition: (type) => (type.name.value === "Edition" ? { ...type, fields: type.fields?.filter((f) => f.name.value !== "venue") } : undefined),
    });
    const { unlisted } = await check(released, buildASTSchema(document));
    expect(unlisted).toEqual(["Field 'venue' was removed from object type 'Edition'"]);
  });
});
