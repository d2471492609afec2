import { urlVariables, type Principal, type SubgraphName } from "@sstc/service-kit";
import { startSubgraph, type RunningSubgraph, type SubgraphDefinition } from "@sstc/subgraph-kit";
import { createTestDatabase, freePort, postSigned, testSubgraphEnv, type GraphqlError, type GraphqlResult, type TestDatabase } from "./kit";

/** Subgraphs started together for one test file, each on a fresh database, all knowing each other's URLs. */
export interface RunningSubgraphs<Name extends string> {
  subgraphs: Record<Name, RunningSubgraph>;
  stop(): Promise<void>;
}

/**
 * Starts the given subgraphs (seeded with the demo data) on free loopback
 * ports, without a gateway; what started is stopped again if a later one fails.
 */
export async function startSubgraphs<Name extends SubgraphName>(definitions: Record<Name, SubgraphDefinition>): Promise<RunningSubgraphs<Name>> {
  const databases: TestDatabase[] = [];
  const running: RunningSubgraph[] = [];
  const stop = async () => {
    for (const s of running.splice(0)) await s.stop();
    for (const db of databases.splice(0)) await db.drop();
  };
  try {
    const names = Object.keys(definitions) as Name[];
    const ports = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await freePort()] as const))) as Record<Name, number>;
    // A subgraph not started here is given a port nothing listens on.
    const url = (name: SubgraphName) => (name in ports ? `http://127.0.0.1:${ports[name as Name]}/graphql` : "http://127.0.0.1:9/graphql");
    const subgraphs = {} as Record<Name, RunningSubgraph>;
    for (const name of names) {
      const db = await createTestDatabase(name);
      databases.push(db);
      const env = {
        ...testSubgraphEnv(db),
        PORT: ports[name],
        ...urlVariables(url),
      };
      subgraphs[name] = await startSubgraph(definitions[name], env);
      running.push(subgraphs[name]);
    }
    return { subgraphs, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Calls one subgraph as `principal`, the way the gateway does (signed principal header). */
export function caller(subgraph: RunningSubgraph, principal: Principal) {
  return <T = Record<string, any>>(query: string, variables?: Record<string, unknown>) =>
    postSigned<T>(subgraph.graphqlUrl, query, variables, principal) as Promise<GraphqlResult<T>>;
}

/** The `extensions.code` of each error, in order. */
export const codes = (result: { errors?: GraphqlError[] }) => (result.errors ?? []).map((e) => e.extensions?.code);

/** A principal of a role, acting for an institution or partner when given. */
export function principal(role: Principal["role"], actsFor: { institutionId?: string; partnerId?: string } = {}): Principal {
  return {
    role,
    subject: role === "public" ? null : `${role}-${actsFor.institutionId ?? actsFor.partnerId ?? "any"}`,
    institutionId: actsFor.institutionId ?? null,
    partnerId: actsFor.partnerId ?? null,
    via: role === "public" ? "anonymous" : "jwt",
  };
}
