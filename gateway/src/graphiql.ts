import { createHash } from "node:crypto";
import { renderGraphiQL } from "@graphql-yoga/render-graphiql";
import { EXAMPLE_OPERATIONS } from "./examples";

/**
 * The GraphiQL page, fully self-contained (scripts, styles and workers are
 * inlined), so it works without internet access. Rendered once per gateway:
 * it is ~9 MB. `headers` preset the request headers of every tab (outside
 * production: a development token, so the examples show participant lists).
 * Its ETag is computed once with it (express would hash 9 MB per request),
 * and a page that carries a token may be kept by the browser only.
 */
export function graphiqlRenderer(headers: Record<string, string> = {}) {
  let page: { html: string; etag: string; cacheControl: string } | undefined;
  const headerText = Object.keys(headers).length ? JSON.stringify(headers, null, 2) : null;
  const render = () =>
    renderGraphiQL({
      title: "SSTC Cooperation Graph",
      endpoint: "/graphql",
      defaultQuery: EXAMPLE_OPERATIONS[0].query,
      defaultTabs: EXAMPLE_OPERATIONS.map((op) => ({
        query: op.query,
        variables: op.variables ? JSON.stringify(op.variables, null, 2) : null,
        headers: headerText,
      })),
      ...(headerText ? { headers: headerText } : {}),
      shouldPersistHeaders: false,
    });
  return () => {
    if (page) return page;
    const html = render();
    const etag = `"${createHash("sha256").update(html).digest("base64url")}"`;
    return (page = { html, etag, cacheControl: `${headerText ? "private" : "public"}, max-age=86400` });
  };
}
