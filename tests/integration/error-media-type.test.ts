import { as, startTestGraph, type TestGraph } from "../support/graph";

/*
 * Answers the gateway and the subgraphs give themselves, before GraphQL runs
 * (authentication, limits, routing, methods, bodies), come in the media type
 * the client negotiated, as GraphQL-over-HTTP asks: a client that prefers
 * application/graphql-response+json (Apollo Client 4, graphql-http) gets
 * that, everyone else application/json; the body always has the GraphQL
 * error shape with its code.
 */

let graph: TestGraph;
let partner: Record<string, string>;

beforeAll(async () => {
  // A partner may make two requests a minute here, so that the third is refused.
  graph = await startTestGraph({ gatewayEnv: { RATE_LIMIT_PARTNER: "2" } });
  partner = await as("partner");
}, 120_000);

afterAll(async () => {
  await graph?.stop();
});

const GRAPHQL_RESPONSE = "application/graphql-response+json; charset=utf-8";
const JSON_TYPE = "application/json; charset=utf-8";

/** Accept headers and the media type each must get. */
const ACCEPTS: Array<[string, string | undefined, string]> = [
  ["prefers graphql-response+json (Apollo Client 4)", "application/graphql-response+json,application/json;q=0.9", GRAPHQL_RESPONSE],
  ["accepts only graphql-response+json", "application/graphql-response+json", GRAPHQL_RESPONSE],
  ["prefers application/json", "application/json, application/graphql-response+json;q=0.5", JSON_TYPE],
  ["accepts anything", "*/*", JSON_TYPE],
  ["sends no Accept", undefined, JSON_TYPE],
];

const query = JSON.stringify({ query: "{ countries(first: 1) { totalCount } }" });

type Send = (accept: Record<string, string>) => Promise<Response>;
const post =
  (url: () => string, body: RequestInit["body"], headers: Record<string, string> = {}): Send =>
  (accept) =>
    fetch(url(), { method: "POST", headers: { "content-type": "application/json", ...headers, ...accept }, body });

/** Each refusal: how to provoke it, the status and the code it must carry. */
const REFUSALS: Array<[string, Send, number, string]> = [
  [
    "gateway 401 (a bearer token that is not valid)",
    post(() => graph.gateway.graphqlUrl, query, { authorization: "Bearer not-a-token" }),
    401,
    "UNAUTHENTICATED",
  ],
  ["subgraph 401 (no gateway signature)", post(() => graph.subgraphs.programs.graphqlUrl, query), 401, "UNAUTHENTICATED"],
  ["gateway 404 (below /graphql)", post(() => `${graph.gateway.graphqlUrl}/extra`, query), 404, "NOT_FOUND"],
  ["subgraph 404 (unknown route)", (accept) => fetch(`${graph.subgraphs.institutions.url}/nothing-here`, { headers: accept }), 404, "NOT_FOUND"],
  [
    "gateway 405 (PUT)",
    (accept) => fetch(graph.gateway.graphqlUrl, { method: "PUT", headers: { "content-type": "application/json", ...accept }, body: query }),
    405,
    "BAD_REQUEST",
  ],
  ["gateway 405 (DELETE)", (accept) => fetch(graph.gateway.graphqlUrl, { method: "DELETE", headers: accept }), 405, "BAD_REQUEST"],
  [
    "subgraph 405 (PATCH)",
    (accept) => fetch(graph.subgraphs.partners.graphqlUrl, { method: "PATCH", headers: { "content-type": "application/json", ...accept }, body: query }),
    405,
    "BAD_REQUEST",
  ],
  [
    "gateway 413 (body over BODY_LIMIT)",
    post(() => graph.gateway.graphqlUrl, JSON.stringify({ query: `{ countries { totalCount } } #${"x".repeat(200_000)}` })),
    413,
    "BAD_REQUEST",
  ],
  [
    "gateway 415 (a charset other than UTF-8)",
    post(() => graph.gateway.graphqlUrl, query, { "content-type": "application/json; charset=latin1" }),
    415,
    "BAD_REQUEST",
  ],
  ["gateway 400 (malformed JSON)", post(() => graph.gateway.graphqlUrl, '{"query": '), 400, "BAD_REQUEST"],
  [
    "gateway 400 (bytes that are not UTF-8)",
    post(() => graph.gateway.graphqlUrl, Buffer.from([0x7b, 0x22, 0x71, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d])),
    400,
    "BAD_REQUEST",
  ],
  [
    "gateway 429 (past the partner's rate limit)",
    async (accept) => {
      // The first two requests of the window pass; every later one is refused.
      let res = await post(() => graph.gateway.graphqlUrl, query, partner)(accept);
      for (let i = 0; i < 3 && res.status !== 429; i++) res = await post(() => graph.gateway.graphqlUrl, query, partner)(accept);
      return res;
    },
    429,
    "RATE_LIMITED",
  ],
];

describe.each(REFUSALS)("%s", (_name, send, status, code) => {
  it.each(ACCEPTS)("when the client %s", async (_client, accept, mediaType) => {
    const res = await send(accept ? { accept } : {});
    expect(res.status).toBe(status);
    expect(res.headers.get("content-type")).toBe(mediaType);
    const body = (await res.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
    expect(body).toEqual({ errors: [{ message: expect.any(String), extensions: { code } }] });
    if (status === 405) expect(res.headers.get("allow")).toBe("GET, POST");
  });
});

describe("methods", () => {
  it("still serves GET and POST, and answers CORS preflights", async () => {
    const get = await fetch(`${graph.gateway.graphqlUrl}?query=${encodeURIComponent("{ countries(first: 1) { totalCount } }")}`, {
      headers: { accept: "application/graphql-response+json", "apollo-require-preflight": "true" },
    });
    expect(get.status).toBe(200);
    expect(get.headers.get("content-type")).toBe(GRAPHQL_RESPONSE);
    const posted = await graph.query("{ countries(first: 1) { totalCount } }");
    expect(posted.status).toBe(200);
    const preflight = await fetch(graph.gateway.graphqlUrl, {
      method: "OPTIONS",
      headers: { origin: "https://portal.example", "access-control-request-method": "POST" },
    });
    expect(preflight.status).not.toBe(405);
  });
});
