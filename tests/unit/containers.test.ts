import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parse } from "yaml";
import { SUBGRAPHS, subgraphEnvSchema } from "@sstc/service-kit";
import { gatewayEnvSchema } from "@sstc/gateway";

/*
 * No Docker engine runs where this project is tested, so the container
 * files are checked for what can be checked: they parse, the subgraphs,
 * ports and URLs they set are the registry's (@sstc/service-kit's
 * SUBGRAPHS), and every variable they set is one the code reads.
 */
const ROOT = resolve(__dirname, "../..");
const compose = parse(readFileSync(join(ROOT, "docker/compose.yaml"), "utf8"), { merge: true });

const shapeKeys = (schema: unknown) => Object.keys((schema as { shape?: Record<string, unknown>; def?: { shape?: Record<string, unknown> } }).shape ?? {});

describe("docker/compose.yaml", () => {
  it("runs exactly the registry's subgraphs, besides the gateway and the database", () => {
    expect(Object.keys(compose.services).sort()).toEqual([...SUBGRAPHS.map((s) => s.name), "gateway", "mysql"].sort());
  });

  it("runs every subgraph on its default port with only variables the subgraph reads", () => {
    const known = new Set(shapeKeys(subgraphEnvSchema(1)));
    for (const { name, port } of SUBGRAPHS) {
      const env = compose.services[name].environment;
      expect(env.PORT).toBe(String(port));
      for (const key of Object.keys(env)) expect(known).toContain(key);
      for (const other of SUBGRAPHS) expect(env[`${other.name.toUpperCase()}_URL`]).toBe(`http://${other.name}:${other.port}/graphql`);
      expect(env.GATEWAY_SIGNING_SECRET).toMatch(/GATEWAY_SIGNING_SECRET/);
    }
  });

  it("points the gateway at the subgraphs with only variables the gateway reads", () => {
    const env = compose.services.gateway.environment;
    // NODE_OPTIONS is Node's own (the gateway's heap flags), not the gateway's configuration.
    const known = new Set([...shapeKeys(gatewayEnvSchema), "NODE_OPTIONS"]);
    for (const key of Object.keys(env)) expect(known).toContain(key);
    for (const { name, port } of SUBGRAPHS) expect(env[`${name.toUpperCase()}_URL`]).toBe(`http://${name}:${port}/graphql`);
    expect(compose.services.gateway.ports).toEqual(["4000:4000"]);
  });
});

describe("docker/Dockerfile", () => {
  const dockerfile = readFileSync(join(ROOT, "docker/Dockerfile"), "utf8");

  it("copies every workspace's package.json before npm ci, and starts each service's built main", () => {
    const workspaces = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { workspaces: string[] }).workspaces;
    for (const ws of workspaces) expect(dockerfile).toContain(`COPY ${ws}/package.json ${ws}/`);
    expect(dockerfile.indexOf("RUN npm ci")).toBeGreaterThan(dockerfile.lastIndexOf("/package.json"));
    expect(dockerfile).toMatch(/services\/\$SERVICE_DIR\/dist\/main\.js/);
    expect(dockerfile).toMatch(/NODE_ENV=production/);
  });
});
