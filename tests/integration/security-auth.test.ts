import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { exportJWK, generateKeyPair, SignJWT, type KeyLike } from "jose";
import { PRINCIPAL_HEADER, signPrincipal, ANONYMOUS, type Principal } from "@sstc/subgraph-kit";
import { DemoIds } from "@sstc/demo-data";
import { postGraphql, postSigned, TEST_SIGNING_SECRET } from "@sstc/testkit";
import { createApiKey, devToken } from "@sstc/gateway";
import { as, codes, startTestGraph, type TestGraph } from "../support/graph";

/*
 * Who may see what, and how every way in fails closed. The graph runs with
 * a JWKS file (RS256 and ES256 keys) and an API key registry beside the
 * development HS256 secret.
 */
let graph: TestGraph;
let rsa: KeyLike;
let ec: KeyLike;
const keys = {
  partner: createApiKey({
    id: "kemenlu-portal",
    name: "Kemenlu portal",
    role: "partner",
    institutionId: DemoIds.institution.kemenlu,
    partnerId: DemoIds.partner.kemenlu,
    rateLimitPerMinute: 1000,
  }),
  limited: createApiKey({ id: "limited", name: "Three a minute", role: "partner", institutionId: null, partnerId: null, rateLimitPerMinute: 3 }),
  revoked: createApiKey({ id: "old", name: "Revoked", role: "admin", institutionId: null, partnerId: null, rateLimitPerMinute: 1000 }),
};
const OFY = DemoIds.person.ofySofiana;
const PARTICIPANT = "00000000-0000-4000-8000-000200000101";

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "sstc-auth-"));
  const rsaPair = await generateKeyPair("RS256");
  const ecPair = await generateKeyPair("ES256");
  rsa = rsaPair.privateKey;
  ec = ecPair.privateKey;
  const jwks = {
    keys: [
      { ...(await exportJWK(rsaPair.publicKey)), kid: "rsa-1", alg: "RS256" },
      { ...(await exportJWK(ecPair.publicKey)), kid: "ec-1", alg: "ES256" },
    ],
  };
  writeFileSync(join(dir, "jwks.json"), JSON.stringify(jwks));
  writeFileSync(join(dir, "api-keys.json"), JSON.stringify([keys.partner.entry, keys.limited.entry, { ...keys.revoked.entry, revoked: true }]));
  graph = await startTestGraph({ gatewayEnv: { JWKS_PATH: join(dir, "jwks.json"), API_KEYS_FILE: join(dir, "api-keys.json") } });
});
afterAll(() => graph?.stop());

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

function signed(key: KeyLike, alg: string, kid: string, claims: Record<string, unknown> = { role: "partner" }, tweak: (jwt: SignJWT) => SignJWT = (j) => j) {
  return tweak(
    new SignJWT(claims)
      .setProtectedHeader({ alg, kid })
      .setSubject("user-1")
      .setIssuer("sstc-dev-issuer")
      .setAudience("sstc-graph")
      .setIssuedAt()
      .setExpirationTime("5m"),
  ).sign(key);
}

const participantsQuery = `{ edition(id: "${DemoIds.edition.tpbisColomboPlan2023}") { participations(first: 3) { totalCount nodes { person { fullName } } } } }`;

describe("subgraphs answer only the gateway", () => {
  const entities = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { fullName email } } }`;
  const variables = { r: [{ __typename: "Person", id: OFY }] };

  it("refuses _entities and _service without the gateway's signature", async () => {
    const url = graph.subgraphs.institutions.graphqlUrl;
    for (const query of [entities, `{ _service { sdl } }`]) {
      const result = await postGraphql(url, query, variables);
      expect(result.status).toBe(401);
      expect(codes(result)).toEqual(["UNAUTHENTICATED"]);
      expect(JSON.stringify(result)).not.toContain("Ofy");
    }
  });

  it("refuses a signature made with another secret, for another query, or expired", async () => {
    const url = graph.subgraphs.institutions.graphqlUrl;
    const admin: Principal = { role: "admin", subject: "x", institutionId: null, partnerId: null, via: "jwt" };
    const forged = await signPrincipal("some-other-secret-that-is-long-enough!!", admin, entities);
    const replayed = await signPrincipal(TEST_SIGNING_SECRET, admin, `{ _service { sdl } }`);
    const expired = await new SignJWT({ role: "admin", qh: "x" })
      .setProtectedHeader({ alg: "HS256" })
      .setIssuer("sstc-gateway")
      .setAudience("sstc-subgraphs")
      .setExpirationTime(Math.floor(Date.now() / 1000) - 120)
      .sign(new TextEncoder().encode(TEST_SIGNING_SECRET));
    for (const header of [forged, replayed, expired, "not-a-jwt"]) {
      const result = await postGraphql(url, entities, variables, { [PRINCIPAL_HEADER]: header });
      expect([result.status, codes(result)]).toEqual([401, ["UNAUTHENTICATED"]]);
    }
  });

  it("keeps health endpoints open", async () => {
    for (const subgraph of Object.values(graph.subgraphs)) {
      expect((await fetch(`${subgraph.url}/health`)).status).toBe(200);
      expect((await fetch(`${subgraph.url}/ready`)).status).toBe(200);
    }
  });
});

describe("the public role never reads personal data", () => {
  // Ofy Sofiana acts in a public capacity: her name is public, her personal data is not; participants' names are not public either.
  it.each([
    ["a person by id", `{ person(id: "${OFY}") { email } }`],
    ["a participant by id", `{ person(id: "${PARTICIPANT}") { fullName position email phone } }`],
    ["a list of people", `{ people { nodes { email phone gender } } }`],
    ["an institution's people", `{ institution(id: "${DemoIds.institution.perpusnas}") { people { nodes { fullName email } } } }`],
    ["an edition's participants", `{ edition(id: "${DemoIds.edition.tpbisColomboPlan2023}") { participations { nodes { gender person { email } } } } }`],
    ["a country's participants", `{ country(code: "LK") { participations { nodes { person { email fullName } } } } }`],
  ])("through %s: FORBIDDEN, and no e-mail in the response", async (_label, query) => {
    const result = await graph.query(query);
    expect(codes(result)).toContain("FORBIDDEN");
    expect(JSON.stringify(result)).not.toMatch(/@example\.org|\+62-|Placeholder Participant|Librarian|Pustakawan/);
  });

  it("cannot reach Person through _entities even with a validly signed public principal", async () => {
    const url = graph.subgraphs.institutions.graphqlUrl;
    const result = await postSigned(
      url,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { email } } }`,
      { r: [{ __typename: "Person", id: PARTICIPANT }] },
      ANONYMOUS,
    );
    expect(codes(result)).toContain("FORBIDDEN");
    expect(JSON.stringify(result)).not.toContain("@example.org");
  });

  it("cannot query _entities through the gateway at all", async () => {
    const result = await graph.query(`{ _entities(representations: [{ __typename: "Person", id: "${OFY}" }]) { ... on Person { email } } }`);
    expect(codes(result)).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
  });

  it("still sees public aggregates: statistics carry counts, never people", async () => {
    const result = await graph.query(`{ country(code: "LK") { name cooperationStats { participantsSent } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data!.country).toEqual({ name: "Sri Lanka", cooperationStats: { participantsSent: 2 } });
  });
});

describe("roles", () => {
  it("partner sees participant lists and names, not contact details or gender", async () => {
    const partner = await as("partner");
    const lists = await graph.query(participantsQuery, undefined, partner);
    expect(lists.errors).toBeUndefined();
    expect(lists.data!.edition.participations.totalCount).toBe(19);
    const contact = await graph.query(`{ person(id: "${PARTICIPANT}") { fullName email } }`, undefined, partner);
    expect(contact.data!.person).toEqual({ fullName: "Placeholder Participant LA-1", email: null });
    expect(contact.errors).toMatchObject([{ path: ["person", "email"], extensions: { code: "FORBIDDEN" } }]);
    const gender = await graph.query(
      `{ edition(id: "${DemoIds.edition.tpbisColomboPlan2023}") { participations(first: 1) { nodes { gender } } } }`,
      undefined,
      partner,
    );
    expect(codes(gender)).toContain("FORBIDDEN");
  });

  it("editor and admin see contact details", async () => {
    for (const role of ["editor", "admin"] as const) {
      const result = await graph.query(
        `{ person(id: "${PARTICIPANT}") { fullName email gender } }`,
        undefined,
        await as(role, { institutionId: DemoIds.institution.perpusnas }),
      );
      expect(result.errors).toBeUndefined();
      expect(result.data!.person.email).toMatch(/@example\.org$/);
    }
  });
});

describe("bearer tokens", () => {
  it("accepts RS256 and ES256 tokens from the JWKS and the development HS256 token", async () => {
    for (const token of [await signed(rsa, "RS256", "rsa-1"), await signed(ec, "ES256", "ec-1"), await devToken({ role: "partner" })]) {
      const result = await graph.query(participantsQuery, undefined, bearer(token));
      expect(result.errors).toBeUndefined();
    }
  });

  it.each([
    ["forged (signed with another key)", async () => signed((await generateKeyPair("RS256")).privateKey, "RS256", "rsa-1")],
    ["expired", async () => signed(rsa, "RS256", "rsa-1", { role: "partner" }, (j) => j.setExpirationTime(Math.floor(Date.now() / 1000) - 3600))],
    ["for another audience", async () => signed(rsa, "RS256", "rsa-1", { role: "partner" }, (j) => j.setAudience("someone-else"))],
    ["from another issuer", async () => signed(rsa, "RS256", "rsa-1", { role: "partner" }, (j) => j.setIssuer("https://evil.example"))],
    ["with an unknown role", async () => signed(rsa, "RS256", "rsa-1", { role: "superuser" })],
    ["HS256 with a guessed secret", async () => devToken({ role: "admin", secret: "guess-guess-guess-guess-guess-guess" })],
    [
      "unsigned (alg none)",
      async () =>
        `${Buffer.from('{"alg":"none"}').toString("base64url")}.${Buffer.from('{"role":"admin","sub":"x","aud":"sstc-graph","iss":"sstc-dev-issuer","exp":9999999999}').toString("base64url")}.`,
    ],
    ["malformed", async () => "abc.def"],
  ])("refuses a token that is %s with 401 UNAUTHENTICATED", async (_label, make) => {
    const result = await graph.query(`{ country(code: "ID") { name } }`, undefined, bearer(await make()));
    expect(result.status).toBe(401);
    expect(codes(result)).toEqual(["UNAUTHENTICATED"]);
    expect(result.data).toBeUndefined();
  });

  it("refuses an unknown Authorization scheme instead of treating the caller as public", async () => {
    const result = await graph.query(`{ country(code: "ID") { name } }`, undefined, { authorization: "Basic dXNlcjpwYXNz" });
    expect([result.status, codes(result)]).toEqual([401, ["UNAUTHENTICATED"]]);
  });
});

describe("API keys", () => {
  it("admit a machine client with the key's role", async () => {
    const result = await graph.query(participantsQuery, undefined, { "x-api-key": keys.partner.key });
    expect(result.errors).toBeUndefined();
    expect(result.data!.edition.participations.totalCount).toBe(19);
  });

  it("refuse unknown and revoked keys", async () => {
    for (const key of ["sstc_unknown", keys.revoked.key]) {
      const result = await graph.query(`{ country(code: "ID") { name } }`, undefined, { "x-api-key": key });
      expect([result.status, codes(result)]).toEqual([401, ["UNAUTHENTICATED"]]);
    }
  });

  it("rate-limit each key at its own limit: the 3rd request a minute passes, the 4th is refused", async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await graph.query(`{ country(code: "ID") { name } }`, undefined, { "x-api-key": keys.limited.key })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await graph.query(`{ country(code: "ID") { name } }`, undefined, { "x-api-key": keys.limited.key });
    expect(codes(refused)).toEqual(["RATE_LIMITED"]);
    // Another client is not affected.
    expect((await graph.query(`{ country(code: "ID") { name } }`, undefined, { "x-api-key": keys.partner.key })).status).toBe(200);
  });
});
