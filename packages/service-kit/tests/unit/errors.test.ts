import { GraphQLError } from "graphql";
import { BadUserInputError, ConflictError, maskUnexpectedErrors, NotFoundError } from "@sstc/subgraph-kit";

describe("error masking", () => {
  const logged: unknown[] = [];
  const format = maskUnexpectedErrors((e) => logged.push(e));
  const formatted = (error: GraphQLError) =>
    format({ message: error.message, path: ["x"], extensions: { ...error.extensions, stacktrace: ["at secret.ts:1"] } }, error);

  it("keeps expected errors with their code and drops stack traces", () => {
    const out = formatted(new NotFoundError("Program", "abc"));
    expect(out).toEqual({ message: 'Program "abc" was not found.', path: ["x"], extensions: { code: "NOT_FOUND", typeName: "Program", key: "abc" } });
    expect(formatted(new BadUserInputError("bad", { argument: "first" })).extensions).toEqual({ code: "BAD_USER_INPUT", argument: "first" });
    expect(formatted(new ConflictError("stale")).extensions?.code).toBe("CONFLICT");
  });

  it("replaces unexpected errors so SQL and internals never leak, and logs the original", () => {
    const original = new GraphQLError("ER_NO_SUCH_TABLE: SELECT * FROM secret at 10.0.0.5", { originalError: new Error("boom") });
    const out = formatted(original);
    expect(out).toEqual({ message: "Internal server error.", path: ["x"], locations: undefined, extensions: { code: "INTERNAL_SERVER_ERROR" } });
    expect(logged).toContain(original);
  });
});
