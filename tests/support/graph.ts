import { DemoIds } from "@sstc/demo-data";
import { createTestDatabase, freePort, postGraphql, TEST_SIGNING_SECRET, testSubgraphEnv, type GraphqlResult, type TestDatabase } from "@sstc/testkit";
import { startSubgraph, type RunningSubgraph, type SubgraphDefinition, type SubgraphEnv } from "@sstc/subgraph-kit";
import { institutionsSubgraph } from "@sstc/institutions";
import { partnersSubgraph } from "@sstc/partners";
import { programsSubgraph } from "@sstc/programs";
import { devToken, loadGatewayEnv, startGateway, type DevTokenClaims, type RunningGateway } from "@sstc/gateway";

const DEFINITIONS: Record<string, SubgraphDefinition> = {
  programs: programsSubgraph,
  institutions: institutionsSubgraph,
  partners: partnersSubgraph,
};

export interface TestGraph {
  gateway: RunningGateway;
  subgraphs: Record<"programs" | "institutions" | "partners", RunningSubgraph>;
  /** A GraphQL request through the gateway over HTTP; `TData` is the shape of `data` the query selects. */
  query<TData = any, TVariables = Record<string, unknown>>(
    query: string,
    variables?: TVariables,
    headers?: Record<string, string>,
  ): Promise<GraphqlResult<TData>>;
  stop(): Promise<void>;
}

/** Headers that make a request as the given role (a development bearer token). */
export async function as(role: DevTokenClaims["role"], claims: Omit<DevTokenClaims, "role"> = {}): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await devToken({ role, ...claims })}` };
}

/**
 * The whole graph for one test file: three subgraphs on fresh databases
 * (SQLite, or MySQL/MariaDB when TEST_DATABASE_URL is set) seeded with the
 * demo data, and the gateway on the committed supergraph, all on free
 * loopback ports.
 */
export async function startTestGraph(
  options: {
    gatewayEnv?: Record<string, string>;
    subgraphEnv?: Partial<SubgraphEnv>;
    /** Settings for one subgraph only, applied last (e.g. its own DATABASE_URL). */
    subgraphEnvOf?: Partial<Record<keyof TestGraph["subgraphs"], Partial<SubgraphEnv>>>;
  } = {},
): Promise<TestGraph> {
  const databases: TestDatabase[] = [];
  const running: Partial<Record<string, RunningSubgraph>> = {};
  try {
    // Ports are chosen first so that every subgraph knows where the others will be.
    const ports = { programs: await freePort(), institutions: await freePort(), partners: await freePort() };
    const urls = {
      PROGRAMS_URL: `http://127.0.0.1:${ports.programs}/graphql`,
      INSTITUTIONS_URL: `http://127.0.0.1:${ports.institutions}/graphql`,
      PARTNERS_URL: `http://127.0.0.1:${ports.partners}/graphql`,
    };
    for (const [name, definition] of Object.entries(DEFINITIONS)) {
      const db = await createTestDatabase(name);
      databases.push(db);
      running[name] = await startSubgraph(definition, {
        ...testSubgraphEnv(db),
        ...urls,
        PORT: ports[name as keyof typeof ports],
        ...options.subgraphEnv,
        ...options.subgraphEnvOf?.[name as keyof typeof ports],
      });
    }
    const gateway = await startGateway(
      loadGatewayEnv({
        NODE_ENV: "test",
        PORT: "0",
        // One test file may make many anonymous requests from one address.
        RATE_LIMIT_PUBLIC: "100000",
        // ...and refuse many credentials from one address.
        RATE_LIMIT_AUTH_FAILURES: "100000",
        PROGRAMS_URL: running.programs!.graphqlUrl,
        INSTITUTIONS_URL: running.institutions!.graphqlUrl,
        PARTNERS_URL: running.partners!.graphqlUrl,
        GATEWAY_SIGNING_SECRET: TEST_SIGNING_SECRET,
        LOG_LEVEL: "warn",
        ...options.gatewayEnv,
      }),
    );
    const subgraphs = running as TestGraph["subgraphs"];
    return {
      gateway,
      subgraphs,
      query: <TData, TVariables>(query: string, variables?: TVariables, headers?: Record<string, string>) =>
        postGraphql<TData, TVariables>(gateway.graphqlUrl, query, variables, headers),
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

/** The `extensions.code` of each error in a GraphQL response, in order. */
export const codes = (result: Pick<GraphqlResult, "errors">) => (result.errors ?? []).map((e) => e.extensions?.code);

export { expectData, type GraphqlResult } from "@sstc/testkit";

/**
 * Creates a programme through the gateway led by Perpusnas (SDG 4, PIPELINE) with `code` and `titleEn`, published
 * unless told otherwise; fails the test on any error and returns its id.
 */
export async function createProgram(
  graph: TestGraph,
  headers: Record<string, string>,
  input: { code: string; titleEn: string; published?: boolean },
): Promise<string> {
  const r = await graph.query<{ createProgram: { id: string } }>(
    `mutation($input: CreateProgramInput!) { createProgram(input: $input) { id } }`,
    { input: { sdgGoals: [4], sdgTargets: [], status: "PIPELINE", leadInstitutionId: DemoIds.institution.perpusnas, published: true, ...input } },
    headers,
  );
  expect(r.errors).toBeUndefined();
  return r.data!.createProgram.id;
}
