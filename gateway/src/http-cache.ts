import type { ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginCacheControl } from "@apollo/server/plugin/cacheControl";
import type { GatewayContext } from "./subgraph-source";

/**
 * The `Cache-Control` of every GraphQL answer (Apollo's model): each
 * subgraph states how long its part may be cached (`max-age`, public or
 * private: hints from its schema and its default), the data sources fold
 * those into the response's policy, and this plugin turns it into the
 * header. Only an anonymous, error-free query whose every part is public
 * is cacheable — `public, max-age` of its shortest-lived part, at most
 * `maxAgeSeconds` — with `Vary` naming everything else that changes the
 * answer. Anything authenticated (a bearer token or an API key), any
 * mutation and any error is `no-store`: a shared cache never keeps what
 * one caller may see and another may not.
 */
export function httpCachePlugins(maxAgeSeconds: number): ApolloServerPlugin<GatewayContext>[] {
  const header: ApolloServerPlugin<GatewayContext> = {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue, operation, overallCachePolicy }) {
          const body = response.body;
          const policy = overallCachePolicy.policyIfCacheable();
          const cacheable =
            body.kind === "single" &&
            !body.singleResult.errors?.length &&
            operation?.operation === "query" &&
            contextValue.principal?.via === "anonymous" &&
            policy !== null &&
            policy.scope === "PUBLIC" &&
            maxAgeSeconds > 0;
          response.http.headers.set("cache-control", cacheable ? `public, max-age=${Math.min(policy.maxAge, maxAgeSeconds)}` : "no-store");
          if (cacheable) response.http.headers.set("vary", "Accept-Language, Authorization, X-API-Key");
        },
      };
    },
  };
  // Apollo's own plugin keeps the policy; the header is ours, so that credentials and mutations decide it too.
  return [ApolloServerPluginCacheControl({ calculateHttpHeaders: false }), header];
}
