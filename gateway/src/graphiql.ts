import { renderGraphiQL } from "@graphql-yoga/render-graphiql";
import { EXAMPLE_OPERATIONS } from "./examples";

let page: string | undefined;

/**
 * The GraphiQL page, fully self-contained (scripts, styles and workers are
 * inlined), so it works without internet access. Rendered once: it is ~9 MB.
 */
export function graphiqlPage(): string {
  return (page ??= renderGraphiQL({
    title: "SSTC Cooperation Graph",
    endpoint: "/graphql",
    defaultQuery: EXAMPLE_OPERATIONS[0].query,
    defaultTabs: EXAMPLE_OPERATIONS.map((op) => ({ query: op.query, variables: op.variables ? JSON.stringify(op.variables, null, 2) : null })),
    shouldPersistHeaders: false,
  }));
}
