import { createTestDatabase, postGraphql, testSubgraphEnv, type TestDatabase } from "@sstc/common/testing";
import { startSubgraph, type RunningSubgraph } from "@sstc/common";
import { institutionsSubgraph } from "@sstc/institutions";
import { partnersSubgraph } from "@sstc/partners";
import { programsSubgraph } from "@sstc/programs";
import { loadGatewayEnv, startGateway, type RunningGateway } from "@sstc/gateway";

/*
 * Start order matters: programs calls partners (the partner filter), so
 * partners starts first and programs is given its real URL.
 */
const START_ORDER = ["institutions", "partners", "programs"] as const;
type SubgraphName = (typeof START_ORDER)[number];

function startOne(name: SubgraphName, db: TestDatabase, running: Partial<Record<SubgraphName, RunningSubgraph>>) {
  const env = testSubgraphEnv(db);
  switch (name) {
    case "programs":
      return startSubgraph(programsSubgraph, { ...env, PARTNERS_URL: running.partners!.graphqlUrl });
    case "institutions":
      return startSubgraph(institutionsSubgraph, env);
    case "partners":
      return startSubgraph(partnersSubgraph, env);
  }
}

export interface TestGraph {
  gateway: RunningGateway;
  subgraphs: Record<SubgraphName, RunningSubgraph>;
  /** A GraphQL request through the gateway over HTTP. */
  query: typeof postGraphql extends (url: string, ...rest: infer R) => infer O ? (...rest: R) => O : never;
  stop(): Promise<void>;
}

/**
 * The whole graph for one test file: three subgraphs on fresh databases
 * (SQLite, or MySQL/MariaDB when TEST_DATABASE_URL is set) seeded with the
 * demo data, and the gateway on the committed supergraph, all on free
 * loopback ports.
 */
export async function startTestGraph(options: { gatewayEnv?: Record<string, string> } = {}): Promise<TestGraph> {
  const databases: TestDatabase[] = [];
  const running: Partial<Record<SubgraphName, RunningSubgraph>> = {};
  try {
    for (const name of START_ORDER) {
      const db = await createTestDatabase(name);
      databases.push(db);
      running[name] = await startOne(name, db, running);
    }
    const gateway = await startGateway(
      loadGatewayEnv({
        NODE_ENV: "test",
        PORT: "0",
        PROGRAMS_URL: running.programs!.graphqlUrl,
        INSTITUTIONS_URL: running.institutions!.graphqlUrl,
        PARTNERS_URL: running.partners!.graphqlUrl,
        ...options.gatewayEnv,
      }),
    );
    const subgraphs = running as TestGraph["subgraphs"];
    return {
      gateway,
      subgraphs,
      query: (query, variables, headers) => postGraphql(gateway.graphqlUrl, query, variables, headers),
      stop: async () => {
        await gateway.stop();
        for (const s of Object.values(subgraphs)) await s.stop();
        for (const db of databases) await db.drop();
      },
    };
  } catch (error) {
    for (const s of Object.values(running)) await s?.stop();
    for (const db of databases) await db.drop();
    throw error;
  }
}
