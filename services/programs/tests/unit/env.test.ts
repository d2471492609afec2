import { ConfigError, parseConfig } from "@sstc/common";
import { programsEnvSchema } from "../../src/env";

describe("programs configuration", () => {
  it("finds the partners subgraph on its local port by default", () => {
    const env = parseConfig(programsEnvSchema, {});
    expect(env).toMatchObject({ PORT: 4001, PARTNERS_URL: "http://127.0.0.1:4003/graphql" });
  });

  it("takes the partners URL from PARTNERS_URL, an empty value meaning unset", () => {
    expect(parseConfig(programsEnvSchema, { PARTNERS_URL: "http://partners:4003/graphql" }).PARTNERS_URL).toBe("http://partners:4003/graphql");
    expect(parseConfig(programsEnvSchema, { PARTNERS_URL: "" }).PARTNERS_URL).toBe("http://127.0.0.1:4003/graphql");
  });

  it("refuses a partners URL that is not http(s), with the shared variables' problems", () => {
    let error: unknown;
    try {
      parseConfig(programsEnvSchema, { PARTNERS_URL: "partners:4003", PORT: "x" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join("\n");
    expect(problems).toContain("PARTNERS_URL");
    expect(problems).toContain("PORT");
  });
});
