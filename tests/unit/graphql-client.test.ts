import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expectData, postGraphql } from "@sstc/testkit";

/*
 * The tests' GraphQL client: a failed expectation on a response names the
 * request that was sent and shows the whole body that came back.
 */
let server: Server;
let url: string;
let reply: { status: number; body: unknown };

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume().on("end", () => {
      res.writeHead(reply.status, { "content-type": "application/json" });
      res.end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe("expectData", () => {
  it("returns the data of a response without errors, typed as the query selects it", async () => {
    reply = { status: 200, body: { data: { country: { code: "LK" } } } };
    const data = expectData(await postGraphql<{ country: { code: string } }>(url, `{ country(code: "LK") { code } }`));
    expect(data.country.code).toBe("LK");
  });

  it("fails on errors beside data, showing the query, its variables and the whole body", async () => {
    reply = { status: 200, body: { data: { country: null }, errors: [{ message: "Refused.", path: ["country"], extensions: { code: "FORBIDDEN" } }] } };
    const result = await postGraphql(url, `query Page($code: String!) { country(code: $code) { code } }`, { code: "LK" });
    expect(() => expectData(result)).toThrow(/query Page\(\$code: String!\)[\s\S]*"code":"LK"[\s\S]*HTTP 200[\s\S]*"country": null[\s\S]*"FORBIDDEN"/);
  });

  it("fails on a response without data, and on an HTTP error status", async () => {
    reply = { status: 400, body: { errors: [{ message: "Syntax Error", extensions: { code: "GRAPHQL_PARSE_FAILED" } }] } };
    const unparsed = await postGraphql(url, "{ country(");
    expect(() => expectData(unparsed)).toThrow(/\{ country\([\s\S]*HTTP 400[\s\S]*GRAPHQL_PARSE_FAILED/);
    reply = { status: 500, body: { data: { country: { code: "LK" } } } };
    const failed = await postGraphql(url, "{ country { code } }");
    expect(() => expectData(failed)).toThrow(/HTTP 500/);
  });

  it("leaves the result itself exactly what the server sent, with the status", async () => {
    reply = { status: 200, body: { data: { a: 1 }, extensions: { cost: 3 } } };
    const result = await postGraphql(url, "{ a }");
    expect(JSON.parse(JSON.stringify(result))).toEqual({ status: 200, data: { a: 1 }, extensions: { cost: 3 } });
  });
});
