/*
 * By hand, not a test: loads scaled data into fresh programs + institutions
 * databases and times the hot queries (build first; run with
 * `npx ts-node-transpile-only -P tests/tsconfig.json tests/support/measure-scale.ts 100000`,
 * TEST_DATABASE_URL for MySQL/MariaDB). Timings vary with the machine:
 * they belong in reports, never in assertions.
 */
import { performance } from "node:perf_hooks";
import { servicePrincipal } from "@sstc/subgraph-kit";
import { startSubgraphs, caller } from "@sstc/testkit";
import { programsSubgraph } from "@sstc/programs";
import { institutionsSubgraph } from "@sstc/institutions";
import { scaleUp } from "./scale";

export const STATISTICS_FIELDS = `
  programCount editionCount participationCount personCount placeholderParticipationCount
  participantsByCountry { key count placeholderCount } participantsByInstitution { key count } participantsByGender { key count }
  participantsByRole { key count } participantsByYear { key count } peopleByCountry { key count } peopleByGender { key count }
  editionsByYear { key count } editionsByModality { key count } editionsBySdgGoal { key count } editionsByHostCountry { key count }
  programsByYear { key count } programsByModality { key count } programsBySdgGoal { key count }`;

async function main() {
  const participations = Number(process.argv[2] ?? 100000);
  const set = await startSubgraphs({ programs: programsSubgraph, institutions: institutionsSubgraph });
  try {
    const loadStart = performance.now();
    await scaleUp(set.subgraphs, {
      institutions: Math.round(participations / 10),
      programs: Math.round(participations / 100),
      editions: Math.round(participations / 20),
      participations,
    });
    console.log(`loaded ${participations} participations in ${Math.round(performance.now() - loadStart)} ms`);
    const asAdmin = caller(set.subgraphs.programs, servicePrincipal("measure"));
    const asPublic = caller(set.subgraphs.programs, { role: "public", subject: null, institutionId: null, partnerId: null, via: "anonymous" });
    const cases: Array<[string, (q: string, v?: Record<string, unknown>) => Promise<unknown>, string, Record<string, unknown>?]> = [
      ["statistics, all fields, public", asPublic, `{ statistics { ${STATISTICS_FIELDS} } }`],
      ["statistics, all fields, partner+", asAdmin, `{ statistics { ${STATISTICS_FIELDS} } }`],
      ["statistics, 2020-2022 ID", asPublic, `{ statistics(filter: { yearFrom: 2020, yearTo: 2022, countryCode: "ID" }) { ${STATISTICS_FIELDS} } }`],
      ["search 'literacy'", asPublic, `{ programs(first: 20, filter: { search: "literacy" }) { totalCount nodes { id } } }`],
      ["search 'scale edition 4'", asPublic, `{ editions(first: 20, filter: { search: "edition 4" }) { totalCount nodes { id } } }`],
    ];
    for (const [name, call, query, variables] of cases) {
      const result = (await call(query, variables)) as { errors?: unknown };
      if (result.errors) throw new Error(`${name}: ${JSON.stringify(result.errors)}`);
      // Cold: as after a write, which makes every cached statistic stale (here a bare bump of the data version). Warm: asked again.
      for (const cold of [true, false]) {
        const times: number[] = [];
        for (let i = 0; i < 7; i++) {
          if (cold) await set.subgraphs.programs.db.query("UPDATE data_versions SET version = version + 1 WHERE name = 'statistics'");
          const start = performance.now();
          await call(query, variables);
          times.push(performance.now() - start);
        }
        times.sort((a, b) => a - b);
        console.log(`${name}, ${cold ? "cold" : "warm"}: median ${times[3].toFixed(1)} ms (min ${times[0].toFixed(1)}, max ${times[6].toFixed(1)})`);
      }
    }
  } finally {
    await set.stop();
  }
}

if (require.main === module)
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
