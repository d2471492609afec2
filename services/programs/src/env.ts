import { serviceUrl, subgraphEnvSchema, type SubgraphContext } from "@sstc/common";

/**
 * The programs subgraph reads the shared subgraph variables plus the one
 * service it calls: the partners subgraph, asked for the programmes of a
 * partner when a client filters programmes by partner.
 */
export const programsEnvSchema = subgraphEnvSchema(4001).extend({
  PARTNERS_URL: serviceUrl("http://127.0.0.1:4003/graphql"),
});
export type ProgramsEnv = ReturnType<typeof programsEnvSchema.parse>;

/** What the programs subgraph's resolvers receive. */
export interface ProgramsContext extends SubgraphContext {
  /** GraphQL endpoint of the partners subgraph (service-to-service calls). */
  partnersUrl: string;
}

/** The per-request context entries derived from the configuration. */
export const programsContext = (env: ProgramsEnv): Omit<ProgramsContext, keyof SubgraphContext> => ({ partnersUrl: env.PARTNERS_URL });
