import { createRequire } from "node:module";
import { resolve } from "node:path";

/*
 * The benchmark's pure parts (bench/*.js): the generated data set's counts,
 * consistency and determinism, the request mix, and the arithmetic and
 * tables of the report. The harness itself runs the graph (npm run bench).
 */
const load = createRequire(__filename);
const bench = (name: string) => load(resolve(__dirname, "../../bench", name));

interface Table {
  table: string;
  columns: string[];
  rows: unknown[][];
}
interface Dataset {
  counts: Record<string, number>;
  expected: Record<string, number>;
  edition100: string;
  editions100: string[];
  countries: string[];
  programCodes: string[];
  databases: Record<string, Table[]>;
}
const { generate, COUNTRIES } = bench("dataset.js") as { generate: (o: { scale: number; seed?: number }) => Dataset; COUNTRIES: string[] };
const { OPERATIONS, requestBodies, identicalShare } = bench("operations.js") as {
  OPERATIONS: Array<{ name: string; auth: string; query: string }>;
  requestBodies: (op: unknown, data: Dataset, count?: number) => string[];
  identicalShare: (bodies: string[], window?: number) => number;
};
const { percentile, summarize, ratios, table, growthTable } = bench("report.js");

const column = (t: Table, name: string) => t.rows.map((r) => r[t.columns.indexOf(name)]);
const tableOf = (data: Dataset, db: string, name: string) => data.databases[db].find((t) => t.table === name)!;

describe("the generated data set", () => {
  const data = generate({ scale: 1 });

  it("has at scale 1 at least the sizes the benchmark promises, in every Colombo Plan country", () => {
    expect(data.counts).toMatchObject({ programs: 1000, editions: 5000, participations: 100_000, institutions: 10_000 });
    expect(tableOf(data, "programs", "participations").rows).toHaveLength(100_000);
    expect(tableOf(data, "institutions", "institutions").rows).toHaveLength(10_000);
    expect(COUNTRIES).toHaveLength(28);
    expect(new Set(column(tableOf(data, "institutions", "institutions"), "countryCode"))).toEqual(new Set(COUNTRIES));
    expect(new Set(column(tableOf(data, "programs", "participations"), "countryCode"))).toEqual(new Set(COUNTRIES));
  });

  it("is consistent across the three databases: every participant, host, lead and partner exists, and no one takes part twice in an edition", () => {
    const people = new Set(column(tableOf(data, "institutions", "people"), "id"));
    const institutions = new Set([...column(tableOf(data, "institutions", "institutions"), "id"), "00000000-0000-4000-8000-000100000001"]);
    const editions = new Set(column(tableOf(data, "programs", "editions"), "id"));
    const programs = new Set(column(tableOf(data, "programs", "programs"), "id"));
    const participations = tableOf(data, "programs", "participations");
    expect(column(participations, "personId").every((p) => people.has(p))).toBe(true);
    expect(column(participations, "editionId").every((e) => editions.has(e))).toBe(true);
    expect(column(tableOf(data, "programs", "editions"), "hostInstitutionId").every((i) => institutions.has(i))).toBe(true);
    expect(column(tableOf(data, "programs", "programs"), "leadInstitutionId").every((i) => institutions.has(i))).toBe(true);
    expect(column(tableOf(data, "partners", "program_partnerships"), "programId").every((p) => programs.has(p))).toBe(true);
    const pairs = participations.rows.map((r) => `${r[participations.columns.indexOf("editionId")]}/${r[participations.columns.indexOf("personId")]}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    for (const t of Object.values(data.databases).flat()) {
      expect(t.rows.every((r) => r.length === t.columns.length)).toBe(true);
      expect(new Set(column(t, "id")).size).toBe(t.rows.length);
    }
  });

  it("has ten published editions with exactly 100 participants, and no other edition has 100", () => {
    const perEdition = new Map<unknown, number>();
    for (const e of column(tableOf(data, "programs", "participations"), "editionId")) perEdition.set(e, (perEdition.get(e) ?? 0) + 1);
    expect([...perEdition].filter(([, n]) => n === 100).map(([e]) => e)).toEqual(data.editions100);
    expect(data.edition100).toBe(data.editions100[0]);
    const editions = tableOf(data, "programs", "editions");
    const published = new Map(editions.rows.map((r) => [r[0], r[editions.columns.indexOf("published")]]));
    expect(data.editions100.every((e) => published.get(e) === 1)).toBe(true);
  });

  it("mixes drafts and statuses, and counts what the public may see", () => {
    const programs = tableOf(data, "programs", "programs");
    const drafts = column(programs, "published").filter((p) => p === 0).length;
    expect(drafts).toBeGreaterThan(20);
    expect(drafts).toBeLessThan(100);
    expect(data.expected.publishedPrograms).toBe(1000 - drafts + 3);
    expect(new Set(column(programs, "status")).size).toBeGreaterThanOrEqual(5);
    expect(data.expected.participationsInPublished).toBeLessThan(data.expected.participations);
  });

  it("is the same for the same seed and scale, different for another seed, and scales every count", () => {
    const a = generate({ scale: 0.05, seed: 1 });
    const b = generate({ scale: 0.05, seed: 1 });
    const c = generate({ scale: 0.05, seed: 2 });
    expect(b.databases).toEqual(a.databases);
    expect(c.databases.programs[0].rows[0]).not.toEqual(a.databases.programs[0].rows[0]);
    const ten = generate({ scale: 0.5 }); // 10x of 0.05
    expect(ten.counts.participations).toBe(10 * a.counts.participations);
    expect(ten.counts.programs).toBe(10 * a.counts.programs);
    expect(() => generate({ scale: 0 })).toThrow(/scale/);
  });
});

describe("the request mix", () => {
  const data = generate({ scale: 0.05 });

  it("sends each operation by name, the edition's participants as a partner and the rest as the public", () => {
    expect(OPERATIONS.map((o) => o.name)).toEqual([
      "CataloguePage",
      "ProgramPage",
      "CountryPage",
      "InstitutionPage",
      "DashboardStatistics",
      "Search",
      "EditionParticipants",
    ]);
    for (const op of OPERATIONS) expect(op.query).toMatch(new RegExp(`^query ${op.name}\\b`));
    expect(OPERATIONS.filter((o) => o.auth === "partner").map((o) => o.name)).toEqual(["EditionParticipants"]);
  });

  it("varies variables between requests, the same sequence every time, and not only identical requests", () => {
    for (const op of OPERATIONS) {
      const bodies = requestBodies(op, data, 500);
      expect(requestBodies(op, data, 500)).toEqual(bodies);
      expect(new Set(bodies).size).toBeGreaterThan(5);
      expect(identicalShare(bodies)).toBeLessThan(0.8);
      expect(JSON.parse(bodies[0])).toMatchObject({ operationName: op.name });
    }
  });

  it("measures the identical share over the requests just before each", () => {
    expect(identicalShare(["a", "b", "a", "c"], 16)).toBe(0.25);
    expect(identicalShare(["a", "b", "c", "a"], 3)).toBe(0);
    expect(identicalShare(["a", "a", "a", "a"])).toBe(0.75);
    expect(identicalShare([])).toBe(0);
  });
});

describe("the report", () => {
  it("takes nearest-rank percentiles", () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 95)).toBe(95);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNull();
  });

  it("sums rounds: throughput over all seconds, percentiles over all latencies, CPU per request and the highest RSS per process", () => {
    const s = summarize(
      [
        {
          elapsedMs: 5000,
          requests: 100,
          unfinished: 16,
          latencies: Array(100).fill(10),
          non2xx: 0,
          graphqlErrors: 1,
          connectionErrors: 0,
          timeouts: 0,
          cpuTicks: { gateway: 50 },
          peakRssMb: { gateway: 200 },
        },
        {
          elapsedMs: 5000,
          requests: 300,
          unfinished: 4,
          latencies: Array(300).fill(30),
          non2xx: 2,
          graphqlErrors: 0,
          connectionErrors: 0,
          timeouts: 0,
          cpuTicks: { gateway: 150 },
          peakRssMb: { gateway: 250 },
        },
      ],
      10,
    );
    expect(s).toMatchObject({ requests: 400, unfinished: 20, seconds: 10, reqPerSec: 40, roundsReqPerSec: [20, 60], p50: 30, p95: 30, errors: 3 });
    expect(percentile([10, 30], 1)).toBe(10);
    expect(s.cpuMsPerRequest).toEqual({ gateway: 5 });
    expect(s.peakRssMb).toEqual({ gateway: 250 });
  });

  it("gives ours / reference for throughput and p99", () => {
    expect(ratios({ reqPerSec: 150, p99: 20 }, { reqPerSec: 100, p99: 40 })).toEqual({ throughput: 1.5, p99: 0.5 });
    expect(ratios({ reqPerSec: 150, p99: 20 }, undefined)).toEqual({ throughput: null, p99: null });
  });

  it("writes markdown tables, numbers right-aligned, missing values as a dash", () => {
    expect(
      table(
        ["op", "req/s"],
        [
          ["A|B", 1.5],
          ["C", null],
        ],
      ),
    ).toBe("| op | req/s |\n| --- | ---: |\n| A\\|B | 1.5 |\n| C | – |");
  });

  it("shows each operation's p50 at every scale and the growth ratio, and nothing with one scale", () => {
    const config = (scale: number, p50: number) => ({ scale, db: "sqlite", operations: [{ name: "Search", results: { ours: { p50 } } }] });
    expect(growthTable([config(1, 10)])).toBeNull();
    expect(growthTable([config(1, 10), config(10, 25)])).toBe(
      "| operation | db | stack | p50 ms at 1x | p50 ms at 10x | 10x / 1x |\n| --- | --- | --- | ---: | ---: | ---: |\n| Search | sqlite | ours | 10 | 25 | 2.5 |",
    );
  });
});
