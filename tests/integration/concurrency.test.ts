import { randomUUID } from "node:crypto";
import { DemoIds } from "@sstc/demo-data";
import { as, codes, startTestGraph, type TestGraph } from "../support/graph";

/*
 * Many clients writing at once, through the gateway, on the database under
 * test (SQLite or MariaDB). Every kind of write runs concurrently with
 * varied timing: successes, failures half-way through a transaction, checks
 * against another subgraph that fail, refusals for the wrong role or
 * organisation, anonymous attempts, and racing duplicates. Afterwards an
 * admin reconciles everything against the data and the audit trails:
 * every acknowledged write is there and audited, no refused write left a
 * trace, and no reader ever saw a value that was later rolled back.
 */
jest.setTimeout(180_000);

let graph: TestGraph;
let admin: Record<string, string>;
let perpusnasEditor: Record<string, string>;
let kemenluEditor: Record<string, string>;
const EDITION = DemoIds.edition.tpbisColomboPlan2023;
const PERPUSNAS = DemoIds.institution.perpusnas;
const RUN = randomUUID().slice(0, 8).toUpperCase();

beforeAll(async () => {
  // Limits high enough for one file's burst: this suite is about data, not rate limiting.
  graph = await startTestGraph({ gatewayEnv: { RATE_LIMIT_EDITOR: "100000", RATE_LIMIT_ADMIN: "100000" } });
  admin = await as("admin", { subject: "admin@race" });
  perpusnasEditor = await as("editor", { institutionId: PERPUSNAS, subject: "editor@perpusnas-race" });
  kemenluEditor = await as("editor", { institutionId: DemoIds.institution.kemenlu, subject: "editor@kemenlu-race" });
});
afterAll(() => graph?.stop());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const outcome = (r: { errors?: unknown[] } & Parameters<typeof codes>[0]) => (r.errors?.length ? String(codes(r)[0]) : "OK");

/** Runs `tasks` with at most `width` in flight, each after a random pause, and returns their results in order. */
async function runConcurrently<T>(tasks: Array<() => Promise<T>>, width: number, maxDelayMs = 15): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < tasks.length) {
        const i = next++;
        await sleep(Math.random() * maxDelayMs);
        results[i] = await tasks[i]();
      }
    }),
  );
  return results;
}

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

type Entry = {
  action: string;
  entityType: string;
  entityId: string;
  version: number;
  actor: string;
  changes: Array<{ field: string; from: string | null; to: string | null }>;
};

/** Every audit entry of one subgraph, paged to the end as admin. */
async function auditTrail(subgraph: "programs" | "institutions" | "partners"): Promise<Entry[]> {
  const entries: Entry[] = [];
  let after: string | null = null;
  for (;;) {
    const page: any = await graph.query(
      `query($after: String) { ${subgraph}AuditTrail(first: 100, after: $after) { pageInfo { hasNextPage endCursor } nodes { action entityType entityId version actor changes { field from to } } } }`,
      { after },
      admin,
    );
    expect(page.errors).toBeUndefined();
    const trail = page.data[`${subgraph}AuditTrail`];
    entries.push(...trail.nodes);
    if (!trail.pageInfo.hasNextPage) return entries;
    after = trail.pageInfo.endCursor;
  }
}

async function createPerson(name: string) {
  const r = await graph.query(
    `mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }`,
    { input: { fullName: name, institutionId: PERPUSNAS } },
    admin,
  );
  expect(r.errors).toBeUndefined();
  return r.data!.createPerson.id as string;
}

async function createProgram(code: string) {
  const r = await graph.query(
    `mutation($input: CreateProgramInput!) { createProgram(input: $input) { id version } }`,
    { input: { code, titleEn: `${code} v1`, sdgGoals: [4], sdgTargets: [], status: "IMPLEMENTATION", leadInstitutionId: PERPUSNAS } },
    admin,
  );
  expect(r.errors).toBeUndefined();
  return r.data!.createProgram as { id: string; version: number };
}

const UPDATE_PROGRAM = `mutation($id: ID!, $version: Int!, $input: UpdateProgramInput!) { updateProgram(id: $id, version: $version, input: $input) { id version titleEn: title } }`;
const REGISTER = `mutation($e: ID!, $input: ParticipationInput!) { registerParticipation(editionId: $e, input: $input) { id personId: person { id } } }`;
const REGISTER_MANY = `mutation($e: ID!, $people: [ParticipationInput!]!) { registerParticipations(editionId: $e, participations: $people) { id } }`;
const participant = (personId: string) => ({ personId, role: "PARTICIPANT", countryCode: "ID", institutionId: PERPUSNAS });

describe("mixed concurrent writes", () => {
  it("loses no acknowledged write, stores no refused one, audits every change and shows no uncommitted data", async () => {
    // Prepare: programmes to update, people to register, an already-registered person to make batches fail half-way.
    const perpusnasStaffBefore = ((await graph.query(`{ people(first: 1, institutionId: "${PERPUSNAS}") { totalCount } }`, undefined, admin)).data as any)
      .people.totalCount as number;
    const programs = await Promise.all(Array.from({ length: 6 }, (_, i) => createProgram(`RACE-${RUN}-${i}`)));
    const people = await Promise.all(Array.from({ length: 60 }, (_, i) => createPerson(`Race person ${RUN} ${i}`)));
    const registeredAlready = people[59];
    expect(outcome(await graph.query(REGISTER, { e: EDITION, input: participant(registeredAlready) }, perpusnasEditor))).toBe("OK");

    const acknowledged = {
      updates: [] as Array<{ id: string; version: number; title: string }>,
      people: [] as string[],
      registrations: [] as string[],
      partnerships: [] as string[],
    };
    const refusedMarkers: string[] = [];
    const rolledBackPeople = new Set<string>();
    const outcomes: Record<string, Record<string, number>> = {};
    const count = (kind: string, result: string) => {
      outcomes[kind] ??= {};
      outcomes[kind][result] = (outcomes[kind][result] ?? 0) + 1;
    };

    const tasks: Array<() => Promise<void>> = [];
    // Updates: several writers per programme, each reading the version first; races end in OK or CONFLICT.
    for (const [p, program] of programs.entries()) {
      for (let w = 0; w < 20; w++) {
        tasks.push(async () => {
          const read = await graph.query(`query($id: ID!) { program(id: $id) { version } }`, { id: program.id }, admin);
          const version = read.data!.program.version as number;
          const title = `RACE-${RUN}-${p} by writer ${w}`;
          const r = await graph.query(UPDATE_PROGRAM, { id: program.id, version, input: { titleEn: title } }, admin);
          const result = outcome(r);
          count("updateProgram", result);
          if (result === "OK") acknowledged.updates.push({ id: program.id, version: r.data!.updateProgram.version, title });
          else expect(result).toBe("CONFLICT");
        });
      }
    }
    // Refused updates: anonymous, and an editor of another institution.
    for (let i = 0; i < 40; i++) {
      const program = programs[i % programs.length];
      const anonymous = i % 2 === 0;
      tasks.push(async () => {
        const marker = `REFUSED-${RUN}-${i}`;
        refusedMarkers.push(marker);
        const r = await graph.query(UPDATE_PROGRAM, { id: program.id, version: 1 + (i % 5), input: { titleEn: marker } }, anonymous ? {} : kemenluEditor);
        count(anonymous ? "updateProgram anonymous" : "updateProgram other editor", outcome(r));
        expect(codes(r)).toEqual(["FORBIDDEN"]);
      });
    }
    // New people (institutions subgraph): all succeed.
    for (let i = 0; i < 40; i++) {
      tasks.push(async () => {
        const r = await graph.query(
          `mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }`,
          { input: { fullName: `Concurrent ${RUN} ${i}`, institutionId: PERPUSNAS } },
          perpusnasEditor,
        );
        count("createPerson", outcome(r));
        expect(r.errors).toBeUndefined();
        acknowledged.people.push(r.data!.createPerson.id);
      });
    }
    // Registrations that succeed.
    for (let i = 0; i < 30; i++) {
      tasks.push(async () => {
        const r = await graph.query(REGISTER, { e: EDITION, input: participant(people[i]) }, perpusnasEditor);
        count("registerParticipation", outcome(r));
        expect(r.errors).toBeUndefined();
        acknowledged.registrations.push(people[i]);
      });
    }
    // Batches that fail half-way: a new person is inserted, then the already-registered one conflicts and all rolls back.
    for (let i = 30; i < 55; i++) {
      tasks.push(async () => {
        rolledBackPeople.add(people[i]);
        const r = await graph.query(REGISTER_MANY, { e: EDITION, people: [participant(people[i]), participant(registeredAlready)] }, perpusnasEditor);
        count("registerParticipations failing half-way", outcome(r));
        expect(codes(r)).toEqual(["CONFLICT"]);
      });
    }
    // Registrations refused by the institutions subgraph (an institution that does not exist), and by role.
    for (let i = 0; i < 25; i++) {
      tasks.push(async () => {
        rolledBackPeople.add(people[55 + (i % 4)]);
        const r = await graph.query(REGISTER, { e: EDITION, input: { ...participant(people[55 + (i % 4)]), institutionId: randomUUID() } }, perpusnasEditor);
        count("registerParticipation bad reference", outcome(r));
        expect(codes(r)).toEqual(["BAD_USER_INPUT"]);
      });
      tasks.push(async () => {
        const r = await graph.query(REGISTER, { e: EDITION, input: participant(people[55 + (i % 4)]) }, i % 2 ? {} : await as("partner"));
        count("registerParticipation refused role", outcome(r));
        expect(codes(r)).toEqual(["FORBIDDEN"]);
      });
    }
    // Partnerships (partners subgraph, checked against programs): distinct ones succeed.
    const roles = ["FUNDING", "ACCOUNTABLE", "EXTENDING", "IMPLEMENTING", "CO_ORGANISER"];
    for (const [p, program] of programs.entries()) {
      for (const role of roles) {
        tasks.push(async () => {
          const r = await graph.query(
            `mutation($input: CreateProgramPartnershipInput!) { createProgramPartnership(input: $input) { id } }`,
            { input: { programId: program.id, partnerId: DemoIds.partner.perpusnas, role, contributionEn: `race ${p}` } },
            admin,
          );
          count("createProgramPartnership", outcome(r));
          expect(r.errors).toBeUndefined();
          acknowledged.partnerships.push(r.data!.createProgramPartnership.id);
        });
      }
    }

    // Readers run alongside and record everything they see.
    const seenParticipants = new Set<string>();
    const seenTitles = new Set<string>();
    let writing = true;
    const readers = Array.from({ length: 3 }, async () => {
      let reads = 0;
      while (writing || reads === 0) {
        const r: any = await graph.query(
          `{ edition(id: "${EDITION}") { participations(first: 100) { nodes { person { id } } } } programs(first: 100, filter: { search: "RACE-${RUN}" }) { nodes { title } } }`,
          undefined,
          admin,
        );
        expect(r.errors).toBeUndefined();
        for (const n of r.data.edition.participations.nodes) if (n.person) seenParticipants.add(n.person.id);
        for (const n of r.data.programs.nodes) seenTitles.add(n.title);
        reads++;
      }
      return reads;
    });

    // Act
    const writes = shuffle(tasks);
    expect(writes.length).toBeGreaterThanOrEqual(300);
    await runConcurrently(writes, 24);
    writing = false;
    const readCount = (await Promise.all(readers)).reduce((a, b) => a + b, 0);

    // Assert: the data.
    const [programsTrail, institutionsTrail, partnersTrail] = await Promise.all([auditTrail("programs"), auditTrail("institutions"), auditTrail("partners")]);
    const final: any = await graph.query(
      `{ edition(id: "${EDITION}") { participations(first: 100) { nodes { person { id } } } } programs(first: 100, filter: { search: "RACE-${RUN}" }) { nodes { id version title } } }`,
      undefined,
      admin,
    );
    expect(final.errors).toBeUndefined();
    const registeredNow = new Set<string>(final.data.edition.participations.nodes.map((n: any) => n.person?.id));

    // Every acknowledged registration is there; nothing of a failed batch or a refused one is.
    for (const person of acknowledged.registrations) expect(registeredNow.has(person)).toBe(true);
    for (const person of rolledBackPeople) expect(registeredNow.has(person)).toBe(false);
    // No reader saw a registration that was later rolled back, nor a refused title.
    for (const person of seenParticipants) expect(registeredNow.has(person)).toBe(true);
    for (const marker of refusedMarkers) expect(seenTitles.has(marker)).toBe(false);

    // Every acknowledged update is in the audit trail with exactly its value; each programme ends at its last acknowledged one.
    for (const update of acknowledged.updates) {
      const entry = programsTrail.find((e) => e.entityId === update.id && e.action === "UPDATE" && e.version === update.version);
      expect(entry?.changes).toEqual([{ field: "titleEn", from: expect.any(String), to: JSON.stringify(update.title) }]);
    }
    for (const program of final.data.programs.nodes) {
      const mine = acknowledged.updates.filter((u) => u.id === program.id);
      const last = mine.reduce((a, b) => (b.version > a.version ? b : a));
      expect({ version: program.version, title: program.title }).toEqual({ version: last.version, title: last.title });
      // One audited version per acknowledged update, in an unbroken sequence: nothing else was written.
      const versions = programsTrail
        .filter((e) => e.entityId === program.id && e.action === "UPDATE")
        .map((e) => e.version)
        .sort((a, b) => a - b);
      expect(versions).toEqual(mine.map((u) => u.version).sort((a, b) => a - b));
      expect(versions).toEqual(Array.from({ length: versions.length }, (_, i) => i + 2));
    }

    // Refused writes left no trace in any audit trail.
    const trails = [...programsTrail, ...institutionsTrail, ...partnersTrail];
    expect(trails.filter((e) => e.actor === "anonymous" || e.actor === "editor@kemenlu-race" || e.actor.startsWith("partner"))).toEqual([]);
    expect(trails.filter((e) => e.changes.some((c) => refusedMarkers.some((m) => c.to?.includes(m))))).toEqual([]);

    // Every acknowledged create is stored and audited once.
    const created = (trail: Entry[], type: string) => new Set(trail.filter((e) => e.action === "CREATE" && e.entityType === type).map((e) => e.entityId));
    const peopleCreated = created(institutionsTrail, "Person");
    for (const id of acknowledged.people) expect(peopleCreated.has(id)).toBe(true);
    const partnershipsCreated = created(partnersTrail, "ProgramPartnership");
    for (const id of acknowledged.partnerships) expect(partnershipsCreated.has(id)).toBe(true);
    const registrationEntries = programsTrail.filter((e) => e.action === "CREATE" && e.entityType === "Participation" && e.actor === "editor@perpusnas-race");
    // The one set-up registration plus each acknowledged one: nothing from rolled-back batches.
    expect(registrationEntries).toHaveLength(acknowledged.registrations.length + 1);
    // No person was created twice or out of nowhere: Perpusnas has exactly the people made here besides the seed's.
    const staff: any = await graph.query(
      `query($after: String) { people(first: 100, after: $after, institutionId: "${PERPUSNAS}") { totalCount } }`,
      {},
      admin,
    );
    expect(staff.errors).toBeUndefined();
    expect(staff.data.people.totalCount).toBe(perpusnasStaffBefore + people.length + acknowledged.people.length);

    console.info(`concurrency: ${writes.length} writes, ${readCount} reads; outcomes ${JSON.stringify(outcomes)}`);
  });
});

describe("duplicate races", () => {
  it("stores exactly one of ten identical registrations of one person; the others get CONFLICT", async () => {
    const person = await createPerson(`Duplicate race ${RUN}`);
    const results = await Promise.all(Array.from({ length: 10 }, () => graph.query(REGISTER, { e: EDITION, input: participant(person) }, perpusnasEditor)));
    expect(results.map(outcome).sort()).toEqual([...Array(9).fill("CONFLICT"), "OK"]);
    const listed: any = await graph.query(`{ edition(id: "${EDITION}") { participations(first: 100) { nodes { person { id } } } } }`, undefined, admin);
    expect(listed.data.edition.participations.nodes.filter((n: any) => n.person?.id === person)).toHaveLength(1);
  });

  it("stores exactly one of ten identical partnerships", async () => {
    const program = await createProgram(`DUP-${RUN}`);
    const input = { programId: program.id, partnerId: DemoIds.partner.kemenlu, role: "FUNDING" };
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        graph.query(`mutation($input: CreateProgramPartnershipInput!) { createProgramPartnership(input: $input) { id } }`, { input }, admin),
      ),
    );
    expect(results.map(outcome).sort()).toEqual([...Array(9).fill("CONFLICT"), "OK"]);
    const listed: any = await graph.query(`query($id: ID!) { program(id: $id) { partnerships { nodes { role partner { id } } } } }`, { id: program.id }, admin);
    expect(listed.data.program.partnerships.nodes).toEqual([{ role: "FUNDING", partner: { id: DemoIds.partner.kemenlu } }]);
  });

  it("stores exactly one of ten programmes created with the same code, and frees the code when it is deleted", async () => {
    const code = `SAME-${RUN}`;
    const create = () =>
      graph.query(
        `mutation($input: CreateProgramInput!) { createProgram(input: $input) { id version } }`,
        { input: { code, titleEn: "Same code", sdgGoals: [], sdgTargets: [], status: "PIPELINE", leadInstitutionId: PERPUSNAS } },
        admin,
      );
    const results = await Promise.all(Array.from({ length: 10 }, create));
    expect(results.map(outcome).sort()).toEqual([...Array(9).fill("CONFLICT"), "OK"]);
    expect(results.filter((r) => r.errors).every((r) => r.errors![0].extensions!.field === "input.code")).toBe(true);
    const winner = results.find((r) => !r.errors)!.data!.createProgram;
    expect((await graph.query(`{ programByCode(code: "${code}") { id } }`, undefined, admin)).data!.programByCode).toEqual({ id: winner.id });
    expect(outcome(await graph.query(`mutation { deleteProgram(id: "${winner.id}", version: ${winner.version}) }`, undefined, admin))).toBe("OK");
    expect(outcome(await create())).toBe("OK");
  });
});
