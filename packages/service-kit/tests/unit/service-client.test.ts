import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ErrorCode, maskUnexpectedErrors, queryService, ServiceCallError } from "@sstc/subgraph-kit";

/* queryService against a small local HTTP server that answers in every way a service can. */
let server: Server;
let base: string;
let received: { body: unknown; contentType?: string } | undefined;

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk) => (raw += chunk));
    req.on("end", () => {
      received = { body: JSON.parse(raw || "null"), contentType: req.headers["content-type"] };
      const json = (status: number, body: unknown) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
      switch (req.url) {
        case "/ok":
          return json(200, { data: { programIdsByPartner: ["a", "b"] } });
        case "/bad-input":
          return json(200, { errors: [{ message: '"partnerId" must be a UUID.', extensions: { code: "BAD_USER_INPUT" } }] });
        case "/internal":
          return json(200, { errors: [{ message: "ER_NO_SUCH_TABLE at 10.0.0.5", extensions: { code: "INTERNAL_SERVER_ERROR" } }] });
        case "/outage":
          return json(200, { errors: [{ message: "The service's database is unavailable; retry later.", extensions: { code: "SERVICE_UNAVAILABLE" } }] });
        case "/html":
          return res.writeHead(502, { "content-type": "text/html" }).end("<h1>Bad gateway</h1>");
        case "/slow":
          return void setTimeout(() => json(200, { data: {} }), 2_000).unref();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error as ServiceCallError;
  }
  throw new Error("expected the call to fail");
}

describe("queryService", () => {
  it("posts the operation as JSON and returns its data", async () => {
    const data = await queryService(`${base}/ok`, "query($id: ID!) { programIdsByPartner(partnerId: $id) }", { id: "p" });
    expect(data).toEqual({ programIdsByPartner: ["a", "b"] });
    expect(received).toEqual({
      contentType: "application/json",
      body: { query: "query($id: ID!) { programIdsByPartner(partnerId: $id) }", variables: { id: "p" } },
    });
  });

  it("passes on an error that describes the caller's input", async () => {
    const error = await failure(queryService(`${base}/bad-input`, "{ x }"));
    expect(error.extensions).toMatchObject({ code: ErrorCode.BAD_USER_INPUT });
    expect(error.message).toBe('"partnerId" must be a UUID.');
  });

  it.each([["an internal error of the other service", "/internal", /answered with an error/]])(
    "turns %s into an internal error that is masked before it reaches a client",
    async (_label, path, reason) => {
      // A deadline well above any answer on a loaded machine: only the slow case below is meant to time out.
      const error = await failure(queryService(`${base}${path}`, "{ x }", {}, { service: "partners", timeoutMs: 5_000 }));
      expect(error).toBeInstanceOf(ServiceCallError);
      expect(error.message).toMatch(reason);
      expect(error.extensions).toMatchObject({ code: ErrorCode.INTERNAL_SERVER_ERROR, service: "partners" });
      const masked = maskUnexpectedErrors(() => {})({ message: error.message, extensions: error.extensions }, error);
      expect(masked).toMatchObject({ message: "Internal server error.", extensions: { code: "INTERNAL_SERVER_ERROR" } });
    },
  );

  it.each([
    ["a 5xx without a GraphQL body", "/html", "SERVICE_UNAVAILABLE", "Call to the partners service failed: answered HTTP 502 without a GraphQL body"],
    ["the other service's own outage", "/outage", "SERVICE_UNAVAILABLE", "Call to the partners service failed: unavailable"],
    ["a service that does not answer in time", "/slow", "SERVICE_TIMEOUT", "Call to the partners service failed: timed out"],
  ])("reports %s as an outage of that service, which reaches the client unmasked", async (_label, path, code, message) => {
    // 300 ms only where the timeout is what is tested; elsewhere a loaded CI machine must not turn an answer into a timeout.
    const error = await failure(queryService(`${base}${path}`, "{ x }", {}, { service: "partners", timeoutMs: path === "/slow" ? 300 : 5_000 }));
    expect(error).toBeInstanceOf(ServiceCallError);
    expect(error.extensions).toMatchObject({ code, service: "partners" });
    const formatted = maskUnexpectedErrors(() => {})({ message: error.message, extensions: error.extensions }, error);
    expect(formatted).toEqual({ message, extensions: { code, service: "partners" } });
  });

  it("reports an unreachable service without its address", async () => {
    const error = await failure(queryService("http://127.0.0.1:9/graphql", "{ x }", {}, { service: "partners" }));
    expect(error.message).toBe("Call to the partners service failed: unreachable");
    expect(error.extensions).toMatchObject({ code: ErrorCode.SERVICE_UNAVAILABLE, service: "partners" });
  });
});
