import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { ANONYMOUS, ErrorCode, PRINCIPAL_HEADER, signPrincipal, type Principal } from "@sstc/service-kit";
import { affectedPaths } from "./fault-paths";
import { mergeFetches } from "./fetch-merging";

/** What the gateway makes of one subgraph call. */
type GatewayGraphQLResponse = Awaited<ReturnType<GraphQLDataSource["process"]>>;
import { classifyFault, SubgraphHttpError, subgraphClient, type SubgraphAnswer, type SubgraphClient, type SubgraphClientOptions } from "./fetcher";
import { outgoingHeaders } from "./observability";
import type { SubgraphHealth } from "./subgraph-health";

export interface GatewayContext {
  principal: Principal;
  /** The client's Accept-Language, passed on so subgraphs answer in it. */
  acceptLanguage?: string;
}

type Request = GraphQLDataSourceProcessOptions<GatewayContext>["request"];
/** A subgraph's answer with its body parsed (undefined when it is not JSON). */
interface Answer {
  status: number;
  cacheControl: string | undefined;
  body: unknown;
}

/** A gateway-printed subgraph operation that only reads: `query …` or the `{ … }` shorthand (never a mutation or subscription). */
const READ_ONLY = /^\s*(?:query\b|\{)/;

/** How long a signed principal is reused: half its 60 s lifetime, so a subgraph always gets one with 30 s or more left. */
const SIGNATURE_REUSE_MS = 30_000;
const SIGNATURE_CACHE_SIZE = 1_000;

/**
 * Calls a subgraph with the caller's principal signed for that very query
 * (subgraphs refuse anything else), over a keep-alive pool with a deadline —
 * the gateway has none by default, and one hung subgraph would otherwise
 * hold every request that touches it.
 *
 * Identical reads in flight at the same moment are sent once and the answer
 * shared (Apollo Router's query deduplication): identical means the same
 * query text and variables, the same principal as signed (role, subject,
 * institution, partner, how identified) and the same Accept-Language —
 * everything that decides what the subgraph answers — so no caller ever
 * sees an answer made for someone who may see other data. Each caller
 * parses the shared text itself, mutations are never shared, and a failure
 * is passed to those waiting but not kept after.
 *
 * A subgraph that is down or too slow does not fail the whole operation:
 * its part of the answer becomes one error per affected field, at that
 * field's path, with SERVICE_UNAVAILABLE or SERVICE_TIMEOUT and the
 * subgraph's name (never its URL); the gateway fills in everything else.
 */
export class SignedSubgraph implements GraphQLDataSource<GatewayContext> {
  private readonly send: SubgraphClient;
  private readonly inFlight = new Map<string, Promise<SubgraphAnswer>>();
  /** Reads of one client request waiting for the end of this turn of the event loop, to go out as one (see `answer`). */
  private readonly waiting = new Map<object, Array<{ request: Request; done: (answer: Promise<Answer>) => void }>>();
  private readonly signatures = new Map<string, { token: string; until: number }>();

  constructor(
    private readonly serviceName: string,
    url: string,
    private readonly secret: string,
    client: SubgraphClientOptions,
    private readonly health: SubgraphHealth,
    /** Merge the reads one client request sends this subgraph at the same moment into one operation. */
    private readonly merge = true,
  ) {
    this.send = subgraphClient(url, client);
  }

  async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const { request } = options;
    // Only incoming operations carry the client's request; health checks and schema loading (unused on a static supergraph) do not.
    const incoming = "incomingRequestContext" in options ? options : undefined;
    let response: GatewayGraphQLResponse;
    try {
      const answer = await (incoming ? this.answer(request, incoming.context) : this.single(request, {}));
      // Apollo Server answers a request it refuses (bad variables, a bad signature) with 4xx and a GraphQL body: those errors are the answer.
      const body = answer.body;
      if (answer.status < 200 || answer.status >= 300) {
        if (!(answer.status < 500 && hasGraphqlErrors(body))) throw new SubgraphHttpError(answer.status, body);
      } else if (typeof body !== "object" || body === null) throw new SubgraphHttpError(answer.status, undefined);
      response = body as GatewayGraphQLResponse;
      if (incoming) restrictCachePolicy(incoming.incomingRequestContext, answer.cacheControl);
    } catch (error) {
      const fault = classifyFault(error);
      // Outside an incoming operation (health checks, schema loading: not used on a static supergraph) failures go up as they are.
      if (!fault || !incoming) throw error;
      this.health.recordFailure(this.serviceName, fault.code, fault.reason);
      const message =
        fault.code === ErrorCode.SERVICE_TIMEOUT
          ? `The ${this.serviceName} service did not answer in time; retry later.`
          : `The ${this.serviceName} service is unavailable; retry later.`;
      const extensions = { code: fault.code, service: this.serviceName };
      const paths = affectedPaths(incoming.document, request);
      return { errors: paths.length ? paths.map((path) => ({ message, path, extensions })) : [{ message, extensions }] };
    }
    this.health.recordAnswer(this.serviceName);
    // A subgraph reporting its own outage (its database) is named the same way.
    for (const error of response.errors ?? []) {
      const code = error.extensions?.code;
      if (code === ErrorCode.SERVICE_UNAVAILABLE || code === ErrorCode.SERVICE_TIMEOUT) {
        // A subgraph passing on another's outage (programs asking partners) has named that one already.
        (error as { extensions: Record<string, unknown> }).extensions = { service: this.serviceName, ...error.extensions };
        this.health.recordFailure(this.serviceName, code, error.message);
      }
    }
    return response;
  }

  /**
   * The answer to one read of a client request. Reads the query planner
   * sends this subgraph at the same moment for the same client request
   * (parallel fetches of one plan) wait for the end of this turn of the event
   * loop and go out as one merged operation (fetch-merging.ts), so the
   * subgraph answers them in one execution with one round of statements;
   * each gets its own part of the answer. A lone read, a write, or reads
   * that cannot be merged go out as they are.
   */
  private answer(request: Request, context: GatewayContext): Promise<Answer> {
    if (!this.merge || !request.query || !READ_ONLY.test(request.query)) return this.single(request, context);
    return new Promise<Answer>((resolve, reject) => {
      let queue = this.waiting.get(context);
      if (!queue) {
        this.waiting.set(context, (queue = []));
        setImmediate(() => this.flush(context));
      }
      queue.push({ request, done: (answer) => answer.then(resolve, reject) });
    });
  }

  private flush(context: GatewayContext) {
    const queue = this.waiting.get(context) ?? [];
    this.waiting.delete(context);
    const merged = queue.length > 1 ? mergeFetches(queue.map((q) => q.request)) : null;
    if (!merged) {
      for (const { request, done } of queue) done(this.single(request, context));
      return;
    }
    const answer = this.single({ query: merged.query, operationName: merged.operationName, variables: merged.variables }, context);
    const parts = answer.then((a) => merged.split(a.body));
    queue.forEach(({ done }, i) => done(Promise.all([answer, parts]).then(([a, p]) => ({ ...a, body: p[i] }))));
  }

  /** One read or write as it is, its body parsed. */
  private async single(request: Request, context: Partial<GatewayContext>): Promise<Answer> {
    const answer = await this.call(request, context);
    return { status: answer.status, cacheControl: answer.cacheControl, body: parseJson(answer.text) };
  }

  /** Sends the request, or joins an identical read already on its way. */
  private call(request: Request, context: Partial<GatewayContext>): Promise<SubgraphAnswer> {
    const query = request.query;
    if (!query) throw new Error("Missing query");
    const principal = context.principal ?? ANONYMOUS;
    const acceptLanguage = context.acceptLanguage?.slice(0, 200);
    const body = JSON.stringify({ query, operationName: request.operationName, variables: request.variables, extensions: request.extensions });
    const who = principalKey(principal);
    const send = async () => {
      const headers: Record<string, string> = {
        "content-type": "application/json",
        ...outgoingHeaders(),
        [PRINCIPAL_HEADER]: await this.signature(who, principal, query),
      };
      if (acceptLanguage) headers["accept-language"] = acceptLanguage;
      return this.send(body, headers);
    };
    if (!READ_ONLY.test(query)) return send();
    const key = `${who}\n${acceptLanguage ?? ""}\n${body}`;
    const shared = this.inFlight.get(key);
    if (shared) return shared;
    const call = send().finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, call);
    return call;
  }

  /** The principal signed for `query`, reused while it has more than half its lifetime left (an HMAC over the whole query per call is measurable). */
  private async signature(who: string, principal: Principal, query: string): Promise<string> {
    const key = `${who}\n${query}`;
    const now = Date.now();
    const cached = this.signatures.get(key);
    if (cached && cached.until > now) return cached.token;
    const token = await signPrincipal(this.secret, principal, query);
    if (this.signatures.size >= SIGNATURE_CACHE_SIZE) this.signatures.delete(this.signatures.keys().next().value!);
    this.signatures.set(key, { token, until: now + SIGNATURE_REUSE_MS });
    return token;
  }

  /** Closes the sockets to the subgraph. */
  close() {
    return this.send.close();
  }
}

/** Everything of the principal that is signed, and so everything a subgraph can answer by. */
const principalKey = (p: Principal) => JSON.stringify([p.role, p.subject, p.institutionId, p.partnerId, p.via]);

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Whether a GraphQL response body carries a non-empty `errors` list. */
function hasGraphqlErrors(body: unknown): body is { errors: Array<{ message: string; extensions?: Record<string, unknown> }> } {
  return typeof body === "object" && body !== null && Array.isArray((body as { errors?: unknown }).errors) && (body as { errors: unknown[] }).errors.length > 0;
}

type CachePolicy = { restrict(hint: { maxAge?: number; scope?: "PUBLIC" | "PRIVATE" }): void };

/**
 * Folds a subgraph's `cache-control` into the response's policy (Apollo
 * Gateway's model): the answer may be cached no longer than its shortest-lived
 * part, and is private if any part is. Anything but `max-age=N` makes it
 * uncacheable.
 */
function restrictCachePolicy(incoming: { overallCachePolicy?: unknown }, header: string | undefined) {
  const policy = incoming.overallCachePolicy as CachePolicy | undefined;
  if (!policy || typeof policy.restrict !== "function") return;
  const directives = (header ?? "").toLowerCase();
  const maxAge = /(?:^|[\s,])max-age=(\d+)/.exec(directives);
  const noStore = /(?:^|[\s,])no-(?:store|cache)\b/.test(directives);
  policy.restrict({ maxAge: maxAge && !noStore ? Number(maxAge[1]) : 0, scope: /(?:^|[\s,])private\b/.test(directives) ? "PRIVATE" : undefined });
}
