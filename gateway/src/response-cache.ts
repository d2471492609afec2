import type { ApolloServerPlugin, GraphQLRequestContext } from "@apollo/server";
import responseCachePlugin from "@apollo/server-plugin-response-cache";
import { InMemoryLRUCache, type KeyValueCache, type KeyValueCacheSetOptions } from "@apollo/utils.keyvaluecache";
import type { ServiceMetrics } from "@sstc/service-kit";
import type { GatewayContext } from "./subgraph-source";

type Counter = ReturnType<ServiceMetrics["responseCacheCounter"]>;

const MIB = 2 ** 20;

export interface ResponseCacheOptions {
  /** Bytes of answers kept (least recently used go first); 0 turns the cache off. */
  maxBytes: number;
  /** Longest time (seconds) an answer is kept, whatever the subgraphs' hints say; 0 turns the cache off. */
  maxAgeSeconds: number;
  /** Counts cacheable requests by `result` (hit or miss). */
  counter?: Counter;
}

/** The least-recently-used store, with no entry kept longer than `maxAgeSeconds`. */
class CappedStore implements KeyValueCache<string> {
  constructor(
    private readonly store: InMemoryLRUCache<string>,
    private readonly maxAgeSeconds: number,
  ) {}
  get(key: string) {
    return this.store.get(key);
  }
  set(key: string, value: string, options?: KeyValueCacheSetOptions) {
    const ttl = Math.min(options?.ttl ?? this.maxAgeSeconds, this.maxAgeSeconds);
    return this.store.set(key, value, { ttl });
  }
  delete(key: string) {
    return this.store.delete(key);
  }
}

/** A request that asks not to be answered from a stored response (RFC 9111: `no-cache`, and `no-store` implies it). */
const refusesStored = (rc: GraphQLRequestContext<GatewayContext>) => /\bno-(?:cache|store)\b/i.test(rc.request.http?.headers.get("cache-control") ?? "");
const anonymousQuery = (rc: GraphQLRequestContext<GatewayContext>) => rc.operation?.operation === "query" && rc.contextValue.principal?.via === "anonymous";

/**
 * Whole answers to anonymous queries, kept in the gateway so that a page
 * many people open costs the subgraphs nothing while it is fresh (Apollo's
 * response cache plugin, on the policy the subgraphs' cache hints give).
 *
 * - **Who is served from it:** anonymous callers only. What an anonymous
 *   caller sees depends on nothing but the query, its variables and the
 *   Accept-Language (all in the key), so one answer serves them all. An
 *   authenticated caller (bearer token or API key) is never served from it
 *   and never fills it: a partner sees drafts the public must not.
 * - **What is kept:** error-free answers whose every part is public, for
 *   their shortest `max-age`, at most `maxAgeSeconds` — the same answers
 *   and lifetime the `Cache-Control` header already offers shared caches.
 *   A hit carries an `Age` header. A request with `Cache-Control: no-cache`
 *   (a browser's reload) is answered afresh, and its answer is kept.
 * - **Writes:** every mutation through this gateway empties it, when it
 *   starts and again when it ends (a generation number in the key), so an
 *   answer read while the write was under way is never served after the
 *   write's answer. A write made elsewhere (another gateway, a script on
 *   the database) shows within `maxAgeSeconds`, as with any HTTP cache.
 */
export class ResponseCache {
  private generation = 0;
  readonly enabled: boolean;
  private readonly store?: CappedStore;

  constructor(private readonly options: ResponseCacheOptions) {
    this.enabled = options.maxBytes > 0 && options.maxAgeSeconds > 0;
    if (this.enabled) this.store = new CappedStore(new InMemoryLRUCache<string>({ maxSize: options.maxBytes }), options.maxAgeSeconds);
  }

  static fromMegabytes(megabytes: number, maxAgeSeconds: number, counter?: Counter) {
    return new ResponseCache({ maxBytes: megabytes * MIB, maxAgeSeconds, counter });
  }

  /** Makes every answer kept so far unreachable (they age out of the LRU). */
  invalidate() {
    this.generation++;
  }

  plugins(): ApolloServerPlugin<GatewayContext>[] {
    if (!this.enabled) return [];
    const invalidation: ApolloServerPlugin<GatewayContext> = {
      requestDidStart: async () => {
        let writing = false;
        return {
          didResolveOperation: async ({ operation }) => {
            if (operation?.operation !== "mutation") return;
            writing = true;
            this.invalidate();
          },
          willSendResponse: async (rc) => {
            if (writing) this.invalidate();
            else if (this.options.counter && anonymousQuery(rc)) this.options.counter.inc({ result: rc.metrics.responseCacheHit ? "hit" : "miss" });
          },
        };
      },
    };
    const cache = responseCachePlugin<GatewayContext>({
      cache: this.store,
      // Nobody has a private cache here: a private answer is simply not kept.
      sessionId: async () => null,
      extraCacheKeyData: async (rc) => ({ generation: this.generation, acceptLanguage: rc.contextValue.acceptLanguage ?? null }),
      shouldReadFromCache: async (rc) => anonymousQuery(rc) && !refusesStored(rc),
      shouldWriteToCache: async (rc) => anonymousQuery(rc) && rc.overallCachePolicy.policyIfCacheable()?.scope === "PUBLIC",
    });
    return [cache, invalidation];
  }
}
