import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";
import { startTestGraph, type TestGraph } from "../support/graph";

/*
 * GraphiQL in a real browser (Debian's Chromium, headless): the page loads
 * from the gateway alone — no request leaves this machine — and running the
 * first example shows the seed story, participants included.
 */
const CHROMIUM = "/usr/bin/chromium";
const available = existsSync(CHROMIUM);
if (!available && process.env.CI) throw new Error(`${CHROMIUM} is missing; .ci/run installs it`);

(available ? describe : describe.skip)("GraphiQL in a browser", () => {
  let graph: TestGraph;
  let browser: Browser;
  beforeAll(async () => {
    graph = await startTestGraph();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await graph?.stop();
  });

  it("runs the seed story offline and shows the result", async () => {
    const page = await browser.newPage();
    const external: string[] = [];
    page.on("request", (request) => {
      const url = request.url();
      if (!/^(http:\/\/127\.0\.0\.1:|data:|blob:)/.test(url)) external.push(url);
    });
    await page.goto(graph.gateway.graphiqlUrl!);
    const run = page.locator(".graphiql-execute-button");
    await run.waitFor({ timeout: 30_000 });
    const answered = page.waitForResponse((res) => res.url().endsWith("/graphql") && (res.request().postData() ?? "").includes("SeedStory"));
    await run.click();
    const body = await (await answered).json();
    // The editor shows the top of the result (Monaco renders only visible lines); the body holds all of it.
    await page.locator(".graphiql-response").getByText("TPBIS-CP").first().waitFor({ timeout: 30_000 });
    expect(body.errors).toBeUndefined();
    const edition = body.data.programByCode.editions.nodes[0];
    expect(edition.participations.totalCount).toBe(19);
    expect(edition.activities.nodes.map((a: any) => a.site?.name)).toContain("Mutiara Rawa Binong Library");
    expect(external).toEqual([]);
  });
});
