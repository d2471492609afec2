import { ConfigError, parseConfig, subgraphEnvSchema } from "@sstc/subgraph-kit";

describe("configuration", () => {
  it("applies defaults to an empty environment", () => {
    const env = parseConfig(subgraphEnvSchema(4001), {});
    expect(env).toMatchObject({ NODE_ENV: "development", PORT: 4001, HOST: "127.0.0.1", SEED_DEMO_DATA: "auto" });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("treats empty strings as unset", () => {
    const env = parseConfig(subgraphEnvSchema(4001), { DATABASE_URL: "", SQLITE_PATH: "" });
    expect([env.DATABASE_URL, env.SQLITE_PATH]).toEqual([undefined, undefined]);
  });

  it("lists every bad variable at once", () => {
    let error: unknown;
    try {
      parseConfig(subgraphEnvSchema(4001), { PORT: "http", DATABASE_URL: "postgres://x/y", NODE_ENV: "staging", SEED_DEMO_DATA: "yes" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join("\n");
    for (const name of ["PORT", "DATABASE_URL", "NODE_ENV", "SEED_DEMO_DATA"]) expect(problems).toContain(name);
    expect((error as ConfigError).problems).toHaveLength(4);
  });

  it("accepts a MySQL or MariaDB URL", () => {
    expect(parseConfig(subgraphEnvSchema(1), { DATABASE_URL: "mysql://u:p@db:3306/sstc_programs" }).DATABASE_URL).toBe("mysql://u:p@db:3306/sstc_programs");
    expect(parseConfig(subgraphEnvSchema(1), { DATABASE_URL: "mariadb://u@db/sstc" }).DATABASE_URL).toBe("mariadb://u@db/sstc");
  });
});
