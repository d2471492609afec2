import { BadUserInputError, createDataSource } from "@sstc/subgraph-kit";
import { DemoIds } from "@sstc/demo-data";
import { createTestDatabase, type TestDatabase } from "@sstc/testkit";
import type { DataSource } from "typeorm";
import { programsSubgraph } from "../../src";
import { ActivityStatus, CooperationModality } from "../../src/modules/program/program.enums";
import { Program } from "../../src/modules/program/program.entity";
import { Edition } from "../../src/modules/edition/edition.entity";
import { PartnershipRole } from "@sstc/vocabularies";
import { CountryInvolvement } from "../../src/modules/search/country-involvement";
import {
  editionConditions,
  hasCriteria,
  hasMatchingEdition,
  programConditions,
  programMatches,
  type EditionCriteria,
  type ProgramCriteria,
} from "../../src/modules/search/criteria";
import { assertYear, dayRange, MAX_YEAR, MIN_YEAR } from "../../src/modules/search/filter-values";
import { SqlConditions } from "../../src/modules/search/sql-conditions";

/** A value that would change any statement it were spliced into. */
const HOSTILE = "x' OR '1'='1'); DROP TABLE programs; --";

function refusal(run: () => unknown): BadUserInputError {
  try {
    run();
  } catch (error) {
    return error as BadUserInputError;
  }
  throw new Error("expected a refusal");
}

describe("SqlConditions", () => {
  it("is empty and always true without clauses", () => {
    const where = new SqlConditions();
    expect(where.empty).toBe(true);
    expect(where.sql()).toBe("1 = 1");
    expect(where.parameters).toEqual({});
  });

  it("names each value as a fresh parameter and each list as a spread parameter", () => {
    const where = new SqlConditions();
    const a = where.param(HOSTILE);
    const b = where.param(4);
    const list = where.list(["p1", "p2"]);
    expect([a, b, list]).toEqual([":f0", ":f1", "(:...f2)"]);
    expect(where.parameters).toEqual({ f0: HOSTILE, f1: 4, f2: ["p1", "p2"] });
  });

  it("copies a list, so later changes to the caller's array do not reach the query", () => {
    const where = new SqlConditions();
    const ids = ["a"];
    where.list(ids);
    ids.push("b");
    expect(where.parameters.f0).toEqual(["a"]);
  });

  it("joins clauses with AND, each in parentheses", () => {
    const where = new SqlConditions().add("a = 1 OR b = 2").add("c = 3");
    expect(where.empty).toBe(false);
    expect(where.sql()).toBe("(a = 1 OR b = 2) AND (c = 3)");
  });

  it("shares parameters and numbering with nested builders, so names never collide", () => {
    const outer = new SqlConditions();
    outer.param("outer");
    const inner = outer.nested();
    expect(inner.param("inner")).toBe(":f1");
    expect(outer.param("again")).toBe(":f2");
    expect(outer.parameters).toEqual({ f0: "outer", f1: "inner", f2: "again" });
    expect(inner.parameters).toBe(outer.parameters);
    expect(inner.empty).toBe(true);
  });

  it("leaves a query builder untouched when empty", () => {
    const qb = { andWhere: jest.fn() };
    new SqlConditions().applyTo(qb as never);
    expect(qb.andWhere).not.toHaveBeenCalled();
  });
});

describe("programConditions", () => {
  const build = (criteria: ProgramCriteria, partnerProgramIds?: readonly string[]) => {
    const where = new SqlConditions();
    programConditions(criteria, "p", where, partnerProgramIds);
    return where;
  };

  it("adds nothing for empty criteria", () => {
    const where = build({});
    expect(where.empty).toBe(true);
    expect(where.parameters).toEqual({});
    expect(hasCriteria({})).toBe(false);
    expect(hasCriteria({ status: undefined })).toBe(false);
    expect(hasCriteria({ status: ActivityStatus.CLOSED })).toBe(true);
  });

  it.each<[string, ProgramCriteria, string, Record<string, unknown>]>([
    ["status", { status: ActivityStatus.CLOSED }, "p.status = :f0", { f0: "CLOSED" }],
    ["modality", { modality: CooperationModality.TRIANGULAR }, "p.modality = :f0", { f0: "TRIANGULAR" }],
    ["lead institution", { leadInstitutionId: HOSTILE }, "p.leadInstitutionId = :f0", { f0: HOSTILE }],
    ["SDG goal", { sdgGoal: 4 }, "EXISTS (SELECT 1 FROM program_sdg_targets sg WHERE sg.programId = p.id AND sg.goal = :f0)", { f0: 4 }],
    ["SDG target", { sdgTarget: HOSTILE }, "EXISTS (SELECT 1 FROM program_sdg_targets st WHERE st.programId = p.id AND st.target = :f0)", { f0: HOSTILE }],
  ])("turns %s into one parameterised clause", (_what, criteria, clause, parameters) => {
    const where = build(criteria);
    expect(where.clauses).toEqual([clause]);
    expect(where.parameters).toEqual(parameters);
    expect(where.sql()).not.toContain("'");
  });

  it("filters by partner through the ids given, and matches nothing when there are none", () => {
    const partner = { id: DemoIds.partner.perpusnas, role: PartnershipRole.FUNDING };
    const some = build({ partner }, ["a", HOSTILE]);
    expect(some.clauses).toEqual(["p.id IN (:...f0)"]);
    expect(some.parameters).toEqual({ f0: ["a", HOSTILE] });
    expect(build({ partner }, []).clauses).toEqual(["1 = 0"]);
    expect(build({ partner }).clauses).toEqual(["1 = 0"]);
  });

  it("ignores partner ids when no partner is asked for", () => {
    expect(build({}, ["a"]).empty).toBe(true);
  });

  it("keeps a goal of 0 (a number is a condition even when falsy)", () => {
    expect(build({ sdgGoal: 0 }).parameters).toEqual({ f0: 0 });
  });

  it("combines every condition with AND, values only in parameters", () => {
    const where = build(
      {
        status: ActivityStatus.IMPLEMENTATION,
        modality: CooperationModality.SOUTH_SOUTH,
        leadInstitutionId: HOSTILE,
        sdgGoal: 16,
        sdgTarget: "16.10",
        partner: { id: HOSTILE },
      },
      [HOSTILE],
    );
    expect(where.clauses).toHaveLength(6);
    expect(Object.values(where.parameters)).toEqual(["IMPLEMENTATION", "SOUTH_SOUTH", HOSTILE, 16, "16.10", [HOSTILE]]);
    expect(where.sql()).not.toContain(HOSTILE);
    expect(where.sql()).not.toMatch(/IMPLEMENTATION|SOUTH_SOUTH|16\.10/);
  });
});

describe("editionConditions", () => {
  const build = (criteria: EditionCriteria) => {
    const where = new SqlConditions();
    editionConditions(criteria, "e", where);
    return where;
  };

  it("adds nothing for empty criteria or an empty day range", () => {
    expect(build({}).empty).toBe(true);
    expect(build({ starts: {} }).empty).toBe(true);
  });

  it.each<[string, EditionCriteria, string[], Record<string, unknown>]>([
    ["status", { status: ActivityStatus.PIPELINE }, ["e.status = :f0"], { f0: "PIPELINE" }],
    ["host institution", { hostInstitutionId: HOSTILE }, ["e.hostInstitutionId = :f0"], { f0: HOSTILE }],
    ["start on or after", { starts: { from: "2023-01-01" } }, ["e.plannedStartDate >= :f0"], { f0: "2023-01-01" }],
    ["start on or before", { starts: { to: "2023-12-31" } }, ["e.plannedStartDate <= :f0"], { f0: "2023-12-31" }],
    [
      "start within",
      { starts: { from: "2023-01-01", to: "2023-12-31" } },
      ["e.plannedStartDate >= :f0", "e.plannedStartDate <= :f1"],
      { f0: "2023-01-01", f1: "2023-12-31" },
    ],
  ])("turns %s into parameterised clauses", (_what, criteria, clauses, parameters) => {
    const where = build(criteria);
    expect(where.clauses).toEqual(clauses);
    expect(where.parameters).toEqual(parameters);
  });

  const participates = "EXISTS (SELECT 1 FROM participations cp WHERE cp.editionId = e.id AND cp.deletedAt IS NULL AND cp.countryCode = :f0)";
  it.each<[CountryInvolvement, string]>([
    [CountryInvolvement.HOST, "e.venueCountryCode = :f0"],
    [CountryInvolvement.PARTICIPATING, participates],
    [CountryInvolvement.ANY, `e.venueCountryCode = :f0 OR ${participates}`],
  ])("filters a country by involvement %s, binding the code once", (involvement, clause) => {
    const where = build({ country: { code: HOSTILE, involvement } });
    expect(where.clauses).toEqual([clause]);
    expect(where.parameters).toEqual({ f0: HOSTILE });
  });

  it("keeps an ANY country condition one clause, so its OR cannot leak into the others", () => {
    const where = build({ status: ActivityStatus.CLOSED, country: { code: "LK", involvement: CountryInvolvement.ANY } });
    expect(where.sql()).toBe(`(e.status = :f0) AND (e.venueCountryCode = :f1 OR ${participates.replace(":f0", ":f1")})`);
  });
});

describe("nested conditions", () => {
  it("wraps edition conditions in one EXISTS over live editions of the programme", () => {
    const where = new SqlConditions();
    where.param("before");
    hasMatchingEdition({ status: ActivityStatus.CLOSED, hostInstitutionId: HOSTILE }, "p", where);
    expect(where.clauses).toEqual([
      "EXISTS (SELECT 1 FROM editions me WHERE me.programId = p.id AND me.deletedAt IS NULL AND (me.status = :f1) AND (me.hostInstitutionId = :f2))",
    ]);
    expect(where.parameters).toEqual({ f0: "before", f1: "CLOSED", f2: HOSTILE });
  });

  it("wraps programme conditions in one IN over live programmes", () => {
    const where = new SqlConditions();
    programMatches({ modality: CooperationModality.BILATERAL, partner: { id: "x" } }, "e", where, ["p1"]);
    expect(where.clauses).toEqual([
      "e.programId IN (SELECT mp.id FROM programs mp WHERE mp.deletedAt IS NULL AND (mp.modality = :f0) AND (mp.id IN (:...f1)))",
    ]);
    expect(where.parameters).toEqual({ f0: "BILATERAL", f1: ["p1"] });
  });

  it("still requires a live edition or programme when the nested criteria are empty", () => {
    const a = new SqlConditions();
    hasMatchingEdition({}, "p", a);
    expect(a.sql()).toBe("(EXISTS (SELECT 1 FROM editions me WHERE me.programId = p.id AND me.deletedAt IS NULL AND 1 = 1))");
    const b = new SqlConditions();
    programMatches({}, "e", b);
    expect(b.sql()).toBe("(e.programId IN (SELECT mp.id FROM programs mp WHERE mp.deletedAt IS NULL AND 1 = 1))");
  });
});

describe("filter values", () => {
  it("accepts years from MIN_YEAR to MAX_YEAR and refuses others, naming the argument", () => {
    expect(assertYear(MIN_YEAR, "year")).toBe(MIN_YEAR);
    expect(assertYear(MAX_YEAR, "year")).toBe(MAX_YEAR);
    for (const year of [MIN_YEAR - 1, MAX_YEAR + 1, 2023.5, Number.NaN]) {
      expect(refusal(() => assertYear(year, "startYear")).extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "startYear" });
    }
  });

  const names = { year: "startYear", from: "startsFrom", to: "startsTo" };
  it("turns a year into its first and last day", () => {
    expect(dayRange({ year: 2023 }, names)).toEqual({ from: "2023-01-01", to: "2023-12-31" });
  });

  it("passes open and closed day ranges through, and no range as undefined", () => {
    expect(dayRange({ from: "2023-11-13" }, names)).toEqual({ from: "2023-11-13", to: undefined });
    expect(dayRange({ to: "2023-11-17" }, names)).toEqual({ from: undefined, to: "2023-11-17" });
    expect(dayRange({ from: "2023-11-13", to: "2023-11-13" }, names)).toEqual({ from: "2023-11-13", to: "2023-11-13" });
    expect(dayRange({}, names)).toBeUndefined();
    expect(dayRange({ year: null, from: null, to: null }, names)).toBeUndefined();
  });

  it.each<[string, { year?: number | null; from?: string | null; to?: string | null }, string]>([
    ["a year with a day", { year: 2023, from: "2023-01-01" }, "startYear"],
    ["a range ending before it starts", { from: "2023-11-17", to: "2023-11-13" }, "startsTo"],
    ["a malformed day", { from: "13/11/2023" }, "startsFrom"],
    ["an impossible day", { to: "2023-02-30" }, "startsTo"],
    ["a year out of range", { year: 1800 }, "startYear"],
  ])("refuses %s", (_what, input, argument) => {
    const error = refusal(() => dayRange(input, names));
    expect(error).toBeInstanceOf(BadUserInputError);
    expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument });
  });
});

/*
 * The clauses run as written on the database under test (SQLite, or MariaDB
 * when TEST_DATABASE_URL is set) against the demo programmes: each one is
 * valid SQL there and selects what it says.
 */
describe("conditions on the demo programmes", () => {
  let database: TestDatabase;
  let db: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase("conditions");
    db = createDataSource({
      url: database.env.DATABASE_URL,
      sqlitePath: database.env.SQLITE_PATH ?? ":memory:",
      entities: programsSubgraph.entities,
      migrations: programsSubgraph.migrations,
    });
    await db.initialize();
    await db.runMigrations({ transaction: "each" });
    await programsSubgraph.seed(db);
  });
  afterAll(async () => {
    if (db?.isInitialized) await db.destroy();
    await database?.drop();
  });

  async function programCodes(criteria: ProgramCriteria, edition?: EditionCriteria, partnerProgramIds?: readonly string[]) {
    const where = new SqlConditions();
    programConditions(criteria, "p", where, partnerProgramIds);
    if (edition && hasCriteria(edition)) hasMatchingEdition(edition, "p", where);
    const rows = await where.applyTo(db.getRepository(Program).createQueryBuilder("p")).orderBy("p.code").getMany();
    return rows.map((r) => r.code);
  }

  async function editionIds(criteria: EditionCriteria, program?: ProgramCriteria) {
    const where = new SqlConditions();
    editionConditions(criteria, "e", where);
    if (program && hasCriteria(program)) programMatches(program, "e", where);
    const rows = await where.applyTo(db.getRepository(Edition).createQueryBuilder("e")).getMany();
    return rows.map((r) => r.id);
  }

  it("selects every programme without conditions", async () => {
    expect(await programCodes({})).toEqual(["SSTC", "TPBIS", "TPBIS-CP"]);
  });

  it("selects by each programme condition", async () => {
    expect(await programCodes({ sdgGoal: 17 })).toEqual(["SSTC", "TPBIS-CP"]);
    expect(await programCodes({ sdgTarget: "4.6" })).toEqual(["TPBIS", "TPBIS-CP"]);
    expect(await programCodes({ modality: CooperationModality.TRIANGULAR })).toEqual(["TPBIS-CP"]);
    expect(await programCodes({ leadInstitutionId: DemoIds.institution.kemensetneg })).toEqual(["SSTC"]);
    expect(await programCodes({ status: ActivityStatus.CLOSED })).toEqual([]);
    expect(await programCodes({ partner: { id: "x" } }, undefined, [DemoIds.program.tpbis, DemoIds.program.sstc])).toEqual(["SSTC", "TPBIS"]);
    expect(await programCodes({ partner: { id: "x" } }, undefined, [])).toEqual([]);
  });

  it("selects programmes by their editions", async () => {
    const lk = { code: "LK", involvement: CountryInvolvement.PARTICIPATING };
    expect(await programCodes({}, { country: lk, starts: { from: "2023-11-01", to: "2023-11-30" } })).toEqual(["TPBIS-CP"]);
    expect(await programCodes({}, { country: { ...lk, involvement: CountryInvolvement.HOST } })).toEqual([]);
    expect(await programCodes({}, { country: { code: "ID", involvement: CountryInvolvement.HOST } })).toEqual(["TPBIS-CP"]);
    expect(await programCodes({}, { starts: { from: "2024-01-01" } })).toEqual([]);
  });

  it("selects editions by their programme", async () => {
    const edition = DemoIds.edition.tpbisColomboPlan2023;
    expect(await editionIds({ status: ActivityStatus.CLOSED }, { sdgGoal: 16 })).toEqual([edition]);
    expect(await editionIds({ country: { code: "LK", involvement: CountryInvolvement.ANY } })).toEqual([edition]);
    expect(await editionIds({}, { modality: CooperationModality.BILATERAL })).toEqual([]);
  });

  it("treats a hostile value as a value: no match, no error, the table intact", async () => {
    expect(await programCodes({ sdgTarget: HOSTILE, leadInstitutionId: HOSTILE })).toEqual([]);
    expect(await editionIds({ country: { code: HOSTILE, involvement: CountryInvolvement.ANY } })).toEqual([]);
    expect(await programCodes({})).toHaveLength(3);
  });
});
