import { DemoIds } from "@sstc/demo-data";
import { as, codes, startTestGraph, type TestGraph } from "../support/graph";

/*
 * Every client mistake in an argument is a BAD_USER_INPUT naming the field,
 * and nothing is stored: explicit null for a NOT NULL column, impossible
 * calendar days, ill-formed or control-character text (in any argument,
 * however nested), and cursors that this list did not produce. Paging ends
 * and never repeats an item, and search folds case beyond ASCII. The cases
 * are generated from tables so that every field and list is covered.
 */
let graph: TestGraph;
let admin: Record<string, string>;
const PERPUSNAS = DemoIds.institution.perpusnas;
const EDITION = DemoIds.edition.tpbisColomboPlan2023;
const RUN = Date.now().toString(36).toUpperCase();
let serial = 0;
const unique = (prefix: string) => `${prefix} ${RUN} ${++serial}`;

type Subgraph = "programs" | "institutions" | "partners";
type Input = Record<string, unknown>;

/** One kind of editable record: how to create, update and read it back. */
interface Kind {
  subgraph: Subgraph;
  createInput: string;
  /** The create mutation; `$input` is the input, `$extra` the other arguments. */
  create: string;
  /** A valid input for a new record (fresh unique values each call). */
  valid: () => Input;
  extra?: () => Input;
  updateInput: string;
  update: string;
  /** A query whose result holds the record's `version` at `version`. */
  read: (id: string) => string;
}

let refs: { programId: string; editionId: string; personIds: string[]; partnerIds: string[]; institutionIds: string[] };

const KINDS: Record<string, Kind> = {
  Program: {
    subgraph: "programs",
    createInput: "CreateProgramInput",
    create: "createProgram(input: $input) { id version }",
    valid: () => ({
      code: `HYG-${RUN}-${++serial}`,
      titleEn: unique("Hygiene programme"),
      sdgGoals: [4],
      sdgTargets: ["4.6"],
      status: "IMPLEMENTATION",
      leadInstitutionId: PERPUSNAS,
    }),
    updateInput: "UpdateProgramInput",
    update: "updateProgram",
    read: (id) => `{ record: program(id: "${id}") { version } }`,
  },
  Edition: {
    subgraph: "programs",
    createInput: "CreateEditionInput",
    create: "createEdition(input: $input) { id version }",
    valid: () => ({
      programId: refs.programId,
      titleEn: unique("Hygiene edition"),
      plannedStartDate: "2024-03-04",
      plannedEndDate: "2024-03-08",
      venueCountryCode: "ID",
      hostInstitutionId: PERPUSNAS,
      invitedCountryCodes: ["LK"],
      status: "PIPELINE",
    }),
    updateInput: "UpdateEditionInput",
    update: "updateEdition",
    read: (id) => `{ record: edition(id: "${id}") { version } }`,
  },
  Activity: {
    subgraph: "programs",
    createInput: "CreateActivityInput",
    create: "createActivity(input: $input) { id version }",
    valid: () => ({ editionId: refs.editionId, kind: "WORKSHOP", titleEn: unique("Hygiene activity") }),
    updateInput: "UpdateActivityInput",
    update: "updateActivity",
    read: () => `{ record: edition(id: "${refs.editionId}") { activities(first: 100) { nodes { id version } } } }`,
  },
  Commitment: {
    subgraph: "programs",
    createInput: "CreateCommitmentInput",
    create: "createCommitment(input: $input) { id version }",
    valid: () => ({ editionId: refs.editionId, countryCode: "LK", descriptionEn: unique("Open a reading corner") }),
    updateInput: "UpdateCommitmentInput",
    update: "updateCommitment",
    read: () => `{ record: edition(id: "${refs.editionId}") { commitments(first: 100) { nodes { id version } } } }`,
  },
  Participation: {
    subgraph: "programs",
    createInput: "ParticipationInput",
    create: "registerParticipation(editionId: $editionId, input: $input) { id version }",
    valid: () => ({ personId: refs.personIds[serial++ % refs.personIds.length], role: "PARTICIPANT", countryCode: "ID" }),
    extra: () => ({ editionId: refs.editionId }),
    updateInput: "UpdateParticipationInput",
    update: "updateParticipation",
    read: () => `{ record: edition(id: "${refs.editionId}") { participations(first: 100) { nodes { id version } } } }`,
  },
  Institution: {
    subgraph: "institutions",
    createInput: "CreateInstitutionInput",
    create: "createInstitution(input: $input) { id version }",
    valid: () => ({ nameEn: unique("Hygiene institution"), type: "NGO", countryCode: "ID" }),
    updateInput: "UpdateInstitutionInput",
    update: "updateInstitution",
    read: (id) => `{ record: institution(id: "${id}") { version } }`,
  },
  Person: {
    subgraph: "institutions",
    createInput: "CreatePersonInput",
    create: "createPerson(input: $input) { id version }",
    valid: () => ({ fullName: unique("Hygiene person"), institutionId: PERPUSNAS }),
    updateInput: "UpdatePersonInput",
    update: "updatePerson",
    read: (id) => `{ record: person(id: "${id}") { version } }`,
  },
  Partner: {
    subgraph: "partners",
    createInput: "CreatePartnerInput",
    create: "createPartner(input: $input) { id version }",
    valid: () => ({
      nameEn: unique("Hygiene partner"),
      kind: "NATIONAL_AGENCY",
      institutionId: refs.institutionIds[serial++ % refs.institutionIds.length],
      homeCountryCode: "ID",
    }),
    updateInput: "UpdatePartnerInput",
    update: "updatePartner",
    read: (id) => `{ record: partner(id: "${id}") { version } }`,
  },
  Agreement: {
    subgraph: "partners",
    createInput: "CreateAgreementInput",
    create: "createAgreement(input: $input) { id version }",
    valid: () => ({
      titleEn: unique("Hygiene agreement"),
      kind: "MOU",
      parties: [{ partnerId: DemoIds.partner.perpusnas }, { partnerId: DemoIds.partner.colomboPlan, role: "signatory" }],
    }),
    updateInput: "UpdateAgreementInput",
    update: "updateAgreement",
    read: (id) => `{ record: agreement(id: "${id}") { version } }`,
  },
  ProgramPartnership: {
    subgraph: "partners",
    createInput: "CreateProgramPartnershipInput",
    create: "createProgramPartnership(input: $input) { id version }",
    valid: () => ({ programId: refs.programId, partnerId: refs.partnerIds[serial++ % refs.partnerIds.length], role: "IMPLEMENTING" }),
    updateInput: "UpdateProgramPartnershipInput",
    update: "updateProgramPartnership",
    read: () => `{ record: program(id: "${refs.programId}") { partnerships(first: 100) { nodes { id version } } } }`,
  },
};
type KindName = keyof typeof KINDS;

/** One record of each kind, created in `beforeAll`, that the update cases work on. */
const records = {} as Record<KindName, string>;

function createRequest(kind: KindName, input: Input) {
  const k = KINDS[kind];
  const extra = k.extra?.() ?? {};
  const declared = Object.keys(extra)
    .map((name) => `, $${name}: ID!`)
    .join("");
  return graph.query(`mutation($input: ${k.createInput}!${declared}) { created: ${k.create} }`, { input, ...extra }, admin);
}

async function create(kind: KindName, input: Input = KINDS[kind].valid()): Promise<string> {
  const result = await createRequest(kind, input);
  expect(result.errors).toBeUndefined();
  return result.data!.created.id as string;
}

async function versionOf(kind: KindName, id: string): Promise<number> {
  const result = await graph.query(KINDS[kind].read(id), undefined, admin);
  expect(result.errors).toBeUndefined();
  const record = result.data!.record;
  const found =
    "version" in record ? record : Object.values(record as Record<string, { nodes: Array<{ id: string; version: number }> }>)[0].nodes.find((n) => n.id === id);
  return found!.version;
}

function update(kind: KindName, id: string, version: number, input: Input) {
  const k = KINDS[kind];
  return graph.query(
    `mutation($id: ID!, $version: Int!, $input: ${k.updateInput}!) { updated: ${k.update}(id: $id, version: $version, input: $input) { id version } }`,
    { id, version, input },
    admin,
  );
}

/** How many changes a subgraph has recorded: unchanged means nothing was written. */
async function auditCount(subgraph: Subgraph): Promise<number> {
  const result = await graph.query(`{ trail: ${subgraph}AuditTrail { totalCount } }`, undefined, admin);
  expect(result.errors).toBeUndefined();
  return result.data!.trail.totalCount as number;
}

/** How the Date scalar refuses a value that is not a calendar day. */
const DATE_MESSAGE = "A Date must be a real calendar day written YYYY-MM-DD (years 0001–9999), such as 2023-11-13.";

const fieldsOf = (result: { errors?: Array<{ extensions?: Record<string, any> }> }) =>
  (result.errors?.[0]?.extensions?.fields ?? []).map((f: { field: string }) => f.field) as string[];

beforeAll(async () => {
  // Thousands of generated cases from one admin token in well under a minute.
  graph = await startTestGraph({ gatewayEnv: { RATE_LIMIT_ADMIN: "1000000" } });
  admin = await as("admin", { subject: "admin@sstc" });
  refs = { programId: "", editionId: "", personIds: [], partnerIds: [], institutionIds: [] };
  refs.programId = await create("Program");
  refs.editionId = await create("Edition");
  for (let i = 0; i < 6; i++) refs.personIds.push(await create("Person"));
  for (let i = 0; i < 6; i++) refs.institutionIds.push(await create("Institution"));
  for (let i = 0; i < 4; i++) refs.partnerIds.push(await create("Partner"));
  for (const kind of Object.keys(KINDS) as KindName[]) records[kind] = await create(kind);
}, 60_000);
afterAll(() => graph?.stop());

describe("explicit null", () => {
  /** Update fields whose column is NOT NULL: null is refused, leaving the field out keeps the value. */
  const NOT_NULL_UPDATES: Array<[KindName, string]> = [
    ["Program", "code"],
    ["Program", "titleEn"],
    ["Program", "sdgGoals"],
    ["Program", "sdgTargets"],
    ["Program", "status"],
    ["Program", "published"],
    ["Program", "leadInstitutionId"],
    ["Edition", "titleEn"],
    ["Edition", "plannedStartDate"],
    ["Edition", "plannedEndDate"],
    ["Edition", "venueCountryCode"],
    ["Edition", "hostInstitutionId"],
    ["Edition", "invitedCountryCodes"],
    ["Edition", "status"],
    ["Edition", "published"],
    ["Activity", "kind"],
    ["Activity", "titleEn"],
    ["Activity", "sequence"],
    ["Commitment", "descriptionEn"],
    ["Commitment", "followUpStatus"],
    ["Participation", "role"],
    ["Participation", "status"],
    ["Participation", "countryCode"],
    ["Institution", "nameEn"],
    ["Institution", "type"],
    ["Institution", "countryCode"],
    ["Person", "fullName"],
    ["Partner", "nameEn"],
    ["Partner", "kind"],
    ["Partner", "homeCountryCode"],
    ["Agreement", "titleEn"],
    ["Agreement", "kind"],
    ["ProgramPartnership", "role"],
  ];

  it.each(NOT_NULL_UPDATES)("refuses %s.%s: null on update and leaves the record as it was", async (kind, field) => {
    const id = records[kind];
    const version = await versionOf(kind, id);
    const audit = await auditCount(KINDS[kind].subgraph);
    const result = await update(kind, id, version, { [field]: null });
    expect(codes(result)).toEqual(["BAD_USER_INPUT"]);
    expect(fieldsOf(result)).toEqual([field]);
    expect(result.data?.updated ?? null).toBeNull();
    expect(await versionOf(kind, id)).toBe(version);
    expect(await auditCount(KINDS[kind].subgraph)).toBe(audit);
  });

  /** Optional create fields whose column has a default: left out they take it, null is refused. */
  const NOT_NULL_CREATES: Array<[KindName, string]> = [
    ["Program", "published"],
    ["Edition", "published"],
    ["Activity", "sequence"],
    ["Commitment", "followUpStatus"],
    ["Participation", "status"],
  ];

  it.each(NOT_NULL_CREATES)("refuses %s.%s: null on create and stores nothing", async (kind, field) => {
    const audit = await auditCount(KINDS[kind].subgraph);
    const result = await createRequest(kind, { ...KINDS[kind].valid(), [field]: null });
    expect(codes(result)).toEqual(["BAD_USER_INPUT"]);
    expect(fieldsOf(result)).toEqual([field]);
    expect(await auditCount(KINDS[kind].subgraph)).toBe(audit);
  });

  it("refuses null inside a batch registration, naming the list item, and registers nobody", async () => {
    const audit = await auditCount("programs");
    const participations = [
      { personId: refs.personIds[4], role: "PARTICIPANT", countryCode: "ID" },
      { personId: refs.personIds[5], role: "PARTICIPANT", countryCode: "ID", status: null },
    ];
    const result = await graph.query(
      `mutation($e: ID!, $p: [ParticipationInput!]!) { registerParticipations(editionId: $e, participations: $p) { id } }`,
      { e: refs.editionId, p: participations },
      admin,
    );
    expect(codes(result)).toEqual(["BAD_USER_INPUT"]);
    expect(fieldsOf(result).join(" ")).toContain("status");
    expect(await auditCount("programs")).toBe(audit);
  });

  /** Update fields whose column is nullable: null clears them. */
  const NULLABLE_UPDATES: Array<[KindName, string]> = [
    ["Program", "titleId"],
    ["Program", "summaryEn"],
    ["Program", "themeId"],
    ["Program", "modality"],
    ["Program", "parentProgramId"],
    ["Edition", "actualStartDate"],
    ["Edition", "venueEn"],
    ["Edition", "venueAreaId"],
    ["Activity", "date"],
    ["Activity", "siteInstitutionId"],
    ["Commitment", "dueDate"],
    ["Participation", "note"],
    ["Participation", "gender"],
    ["Institution", "website"],
    ["Person", "email"],
    ["Partner", "acronym"],
    ["Agreement", "signedOn"],
    ["ProgramPartnership", "contributionEn"],
  ];

  it.each(NULLABLE_UPDATES)("accepts %s.%s: null on update as clearing the value", async (kind, field) => {
    const id = records[kind];
    const result = await update(kind, id, await versionOf(kind, id), { [field]: null });
    expect(result.errors).toBeUndefined();
    expect(result.data!.updated.id).toBe(id);
  });
});

describe("impossible dates", () => {
  // Dates are of the Date scalar: not text, so a control character makes a value no date at all.
  const IMPOSSIBLE = ["2023-02-31", "2023-04-31", "2023-02-29", "0000-01-01", "2023-13-01", "2023-00-10", "2023-01-00", "tomorrow", "2023-01-01\u0000"];
  const DATE_FIELDS: Array<[KindName, string]> = [
    ["Activity", "date"],
    ["Commitment", "dueDate"],
    ["Edition", "plannedStartDate"],
    ["Edition", "plannedEndDate"],
    ["Edition", "actualStartDate"],
    ["Edition", "actualEndDate"],
    ["Agreement", "signedOn"],
    ["Agreement", "expiresOn"],
  ];
  const cases = DATE_FIELDS.flatMap(([kind, field]) =>
    (["create", "update"] as const).flatMap((op) => IMPOSSIBLE.map((day) => [op, kind, field, day] as const)),
  );

  it.each(cases)("refuses %s %s.%s = %s and stores nothing", async (op, kind, field, day) => {
    const audit = await auditCount(KINDS[kind].subgraph);
    const result =
      op === "create"
        ? await createRequest(kind, { ...KINDS[kind].valid(), [field]: day })
        : await update(kind, records[kind], await versionOf(kind, records[kind]), { [field]: day });
    expect(codes(result)).toEqual(["BAD_USER_INPUT"]);
    expect(fieldsOf(result)).toEqual([field]);
    expect(result.errors![0].extensions!.fields[0].messages).toEqual([DATE_MESSAGE]);
    expect(await auditCount(KINDS[kind].subgraph)).toBe(audit);
  });

  it("accepts a day of the first century in a date filter", async () => {
    const filtered = await graph.query(`query($d: Date!) { programs(filter: { startDateFrom: $d }) { totalCount } }`, { d: "0050-06-15" }, admin);
    expect(filtered.errors).toBeUndefined();
  });

  it.each(["2024-02-29", "2000-02-29"])("accepts the leap day %s in a date filter and in an input alike", async (day) => {
    const filtered = await graph.query(`query($d: Date!) { programs(filter: { startDateFrom: $d }) { totalCount } }`, { d: day }, admin);
    expect(filtered.errors).toBeUndefined();
    const id = records.Activity;
    const updated = await update("Activity", id, await versionOf("Activity", id), { date: day });
    expect(updated.errors).toBeUndefined();
  });

  it.each(IMPOSSIBLE)("refuses %s in the date filters as in the inputs", async (day) => {
    for (const list of ["programs", "editions"]) {
      const result = await graph.query(`query($d: Date!) { ${list}(filter: { startDateTo: $d }) { totalCount } }`, { d: day }, admin);
      expect(codes(result)).toEqual(["BAD_USER_INPUT"]);
      expect(result.errors![0].message).toBe(`Variable "$d" got invalid value ${JSON.stringify(day)}; ${DATE_MESSAGE}`);
    }
  });

  it("refuses a lower-case country code in an input as every stored code is upper case", async () => {
    const result = await createRequest("Institution", { ...KINDS.Institution.valid(), countryCode: "id" });
    expect(codes(result)).toEqual(["BAD_USER_INPUT"]);
    expect(fieldsOf(result)).toEqual(["countryCode"]);
  });
});

describe("text that is not clean", () => {
  const ILL_FORMED = "must be well-formed Unicode text (it contains a lone UTF-16 surrogate)";
  const CONTROL = "must not contain control characters other than tab, line feed and carriage return";
  const BAD_TEXT: Array<[string, string, string]> = [
    ["a lone high surrogate", "\ud83d", ILL_FORMED],
    ["a lone low surrogate", "\ude00", ILL_FORMED],
    ["a reversed surrogate pair", "\ude00\ud83d", ILL_FORMED],
    ["NUL", "\u0000", CONTROL],
    ["ESC", "\u001b", CONTROL],
    ["a vertical tab", "\u000b", CONTROL],
    ["DEL", "\u007f", CONTROL],
    ["a C1 control", "\u0085", CONTROL],
  ];

  /** Every string field of every create input, with the value it needs to be valid apart from the bad character. */
  const TEXT_FIELDS: Array<[KindName, string]> = [
    ["Program", "code"],
    ["Program", "titleEn"],
    ["Program", "titleId"],
    ["Program", "summaryEn"],
    ["Program", "summaryId"],
    ["Program", "themeEn"],
    ["Program", "themeId"],
    ["Program", "sdgTargets.0"],
    ["Program", "leadInstitutionId"],
    ["Edition", "titleEn"],
    ["Edition", "titleId"],
    ["Edition", "venueEn"],
    ["Edition", "venueId"],
    ["Edition", "venueCountryCode"],
    ["Edition", "invitedCountryCodes.0"],
    ["Activity", "titleEn"],
    ["Activity", "titleId"],
    ["Activity", "descriptionEn"],
    ["Activity", "descriptionId"],
    ["Commitment", "descriptionEn"],
    ["Commitment", "descriptionId"],
    ["Commitment", "countryCode"],
    ["Participation", "note"],
    ["Participation", "countryCode"],
    ["Institution", "nameEn"],
    ["Institution", "nameId"],
    ["Institution", "acronym"],
    ["Institution", "website"],
    ["Person", "fullName"],
    ["Person", "positionEn"],
    ["Person", "positionId"],
    ["Person", "email"],
    ["Person", "phone"],
    ["Partner", "nameEn"],
    ["Partner", "nameId"],
    ["Partner", "acronym"],
    ["Agreement", "titleEn"],
    ["Agreement", "titleId"],
    ["Agreement", "summaryEn"],
    ["Agreement", "summaryId"],
    ["Agreement", "parties.1.role"],
    ["ProgramPartnership", "contributionEn"],
    ["ProgramPartnership", "contributionId"],
  ];
  const GOOD: Record<string, string> = {
    code: "HYG-TEXT",
    "sdgTargets.0": "4.6",
    leadInstitutionId: PERPUSNAS,
    venueCountryCode: "ID",
    "invitedCountryCodes.0": "LK",
    plannedStartDate: "2024-03-04",
    countryCode: "ID",
    website: "https://example.org/library",
    email: "someone@example.org",
    phone: "+62 21 555 0100",
  };

  /** Puts `value` at a dotted path (`parties.1.role`) of a copy of `input`. */
  function withValue(input: Input, path: string, value: string): Input {
    const copy = structuredClone(input);
    const keys = path.split(".");
    let target: any = copy;
    for (const key of keys.slice(0, -1)) target = target[key];
    target[keys.at(-1)!] = value;
    return copy;
  }

  const cases = TEXT_FIELDS.flatMap(([kind, field]) => BAD_TEXT.map(([what, bad, message]) => [kind, field, what, bad, message] as const));

  it.each(cases)("refuses %s.%s with %s on create, naming the field, and stores nothing", async (kind, field, _what, bad, message) => {
    const audit = await auditCount(KINDS[kind].subgraph);
    const good = GOOD[field] ?? "Perpustakaan Nasional";
    const result = await createRequest(kind, withValue(KINDS[kind].valid(), field, `${good.slice(0, 2)}${bad}${good.slice(2)}`));
    expect(codes(result)).toEqual(["BAD_USER_INPUT"]);
    expect(result.errors![0].extensions!.fields).toEqual([{ field: `input.${field}`, messages: [message] }]);
    expect(result.data?.created ?? null).toBeNull();
    expect(await auditCount(KINDS[kind].subgraph)).toBe(audit);
  });

  it.each(BAD_TEXT)("refuses %s in an update and in a batch list item, and changes nothing", async (_what, bad, message) => {
    const id = records.Program;
    const version = await versionOf("Program", id);
    const updated = await update("Program", id, version, { summaryEn: `Fine words ${bad}` });
    expect(codes(updated)).toEqual(["BAD_USER_INPUT"]);
    expect(updated.errors![0].extensions!.fields).toEqual([{ field: "input.summaryEn", messages: [message] }]);
    expect(await versionOf("Program", id)).toBe(version);

    const audit = await auditCount("programs");
    const batch = await graph.query(
      `mutation($e: ID!, $p: [ParticipationInput!]!) { registerParticipations(editionId: $e, participations: $p) { id } }`,
      {
        e: refs.editionId,
        p: [
          { personId: refs.personIds[2], role: "PARTICIPANT", countryCode: "ID" },
          { personId: refs.personIds[3], role: "PARTICIPANT", countryCode: "ID", note: `Arrives ${bad} late` },
        ],
      },
      admin,
    );
    expect(codes(batch)).toEqual(["BAD_USER_INPUT"]);
    expect(batch.errors![0].extensions!.fields).toEqual([{ field: "participations.1.note", messages: [message] }]);
    expect(await auditCount("programs")).toBe(audit);
  });

  /** Lookups, filters and searches: text arguments that are not fields of a create input. */
  const ARGUMENTS: Array<[string, string, (bad: string) => Input, string]> = [
    ["programs search", "query($f: ProgramFilter) { programs(filter: $f) { totalCount } }", (bad) => ({ f: { search: `library${bad}` } }), "f"],
    ["programs search of only NUL", "query($f: ProgramFilter) { programs(filter: $f) { totalCount } }", (bad) => ({ f: { search: bad } }), "f"],
    ["editions search", "query($f: EditionFilter) { editions(filter: $f) { totalCount } }", (bad) => ({ f: { search: `tpbis ${bad}` } }), "f"],
    ["programs sdgTarget filter", "query($f: ProgramFilter) { programs(filter: $f) { totalCount } }", (bad) => ({ f: { sdgTarget: `4.6${bad}` } }), "f"],
    ["editions countryCode filter", "query($f: EditionFilter) { editions(filter: $f) { totalCount } }", (bad) => ({ f: { countryCode: `L${bad}` } }), "f"],
    ["institutions countryCode", "query($c: String) { institutions(countryCode: $c) { totalCount } }", (bad) => ({ c: `I${bad}` }), "c"],
    ["country code", "query($c: String!) { country(code: $c) { code } }", (bad) => ({ c: `${bad}ID` }), "c"],
    ["audit trail actor", "query($a: String) { programsAuditTrail(actor: $a) { totalCount } }", (bad) => ({ a: `admin@sstc${bad}` }), "a"],
    ["programme by code", "query($c: String!) { programByCode(code: $c) { id } }", (bad) => ({ c: `TPBIS${bad}` }), "c"],
    ["nested list cursor", 'query($a: String) { edition(id: "' + EDITION + '") { activities(after: $a) { totalCount } } }', (bad) => ({ a: `MQ${bad}` }), "a"],
  ];
  const argumentCases = ARGUMENTS.flatMap(([name, query, vars]) => BAD_TEXT.map(([what, bad, message]) => [name, what, query, vars(bad), message] as const));

  it.each(argumentCases)("refuses the %s argument with %s", async (_name, _what, query, variables, message) => {
    const result = await graph.query(query, variables, admin);
    expect(codes(result)).toEqual(["BAD_USER_INPUT"]);
    const fields = result.errors![0].extensions!.fields as Array<{ field: string; messages: string[] }>;
    expect(fields).toHaveLength(1);
    expect(fields[0].messages).toEqual([message]);
  });

  it("still accepts tab, line feed and carriage return, and paired surrogates (emoji)", async () => {
    const result = await createRequest("Activity", { ...KINDS.Activity.valid(), descriptionEn: "Line one\r\n\tLine two 📚" });
    expect(result.errors).toBeUndefined();
  });
});

/** Every top-level list with the orders and directions it supports (as `orderBy` text, or none). */
const LISTS: Array<{ list: string; orders: string[] }> = [
  {
    list: "programs",
    orders: ["CODE", "TITLE", "START_DATE"].flatMap((field) =>
      ["ASC", "DESC"].flatMap((direction) =>
        (field === "TITLE" ? ["EN", "ID"] : ["EN"]).map((lang) => `{ field: ${field}, direction: ${direction}, lang: ${lang} }`),
      ),
    ),
  },
  {
    list: "editions",
    orders: ["START_DATE", "TITLE"].flatMap((field) =>
      ["ASC", "DESC"].flatMap((direction) =>
        (field === "TITLE" ? ["EN", "ID"] : ["EN"]).map((lang) => `{ field: ${field}, direction: ${direction}, lang: ${lang} }`),
      ),
    ),
  },
  { list: "countries", orders: [""] },
  { list: "institutions", orders: [""] },
  { list: "people", orders: [""] },
  { list: "administrativeAreas", orders: [""] },
  { list: "partners", orders: [""] },
  { list: "agreements", orders: [""] },
  { list: "programsAuditTrail", orders: [""] },
  { list: "institutionsAuditTrail", orders: [""] },
  { list: "partnersAuditTrail", orders: [""] },
];

const page = (list: string, order: string, first: number, after: string | null) =>
  graph.query(
    `query($after: String) { page: ${list}(first: ${first}, after: $after${order ? `, orderBy: ${order}` : ""}) { totalCount edges { cursor } nodes { id: ${list === "countries" ? "code" : "id"} } pageInfo { hasNextPage endCursor } } }`,
    { after },
    admin,
  );

describe("cursors", () => {
  const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64url");

  /** Cursors of every wrong shape, built from a real cursor `[tag, key, id]` of the list. */
  const FORMS: Array<[string, (real: [unknown, unknown, unknown], raw: string) => string]> = [
    ["empty", () => ""],
    ["not base64", () => "not a cursor!"],
    ["padded base64", (_r, raw) => `${raw}=`],
    ["base64 with whitespace", (_r, raw) => `${raw.slice(0, 4)} ${raw.slice(4)}`],
    ["not JSON", () => b64("[tag, key")],
    ["a JSON string", () => b64('"cursor"')],
    ["a JSON number", () => b64("5")],
    ["JSON null", () => b64("null")],
    ["an object", () => b64('{"after":"x"}')],
    ["an empty array", () => b64("[]")],
    ["too few keys", ([tag, key]) => b64(JSON.stringify([tag, key]))],
    ["too many keys", ([tag, key, id]) => b64(JSON.stringify([tag, key, id, id]))],
    ["an object as key", ([tag, , id]) => b64(JSON.stringify([tag, {}, id]))],
    ["an array as key", ([tag, , id]) => b64(JSON.stringify([tag, [], id]))],
    ["an empty key", ([tag, , id]) => b64(JSON.stringify([tag, "", id]))],
    ["a null key", ([tag, , id]) => b64(JSON.stringify([tag, null, id]))],
    ["a boolean key", ([tag, , id]) => b64(JSON.stringify([tag, true, id]))],
    ["an infinite key", ([tag, , id]) => b64(`[${JSON.stringify(tag)},1e400,${JSON.stringify(id)}]`)],
    ["a number for a text key", ([tag, , id]) => b64(JSON.stringify([tag, 42, id]))],
    ["a key with NUL", ([tag, key, id]) => b64(JSON.stringify([tag, `${key}\u0000`, id]))],
    ["a number as id", ([tag, key]) => b64(JSON.stringify([tag, key, 7]))],
    ["an object as id", ([tag, key]) => b64(JSON.stringify([tag, key, {}]))],
    ["an unknown order", ([, key, id]) => b64(JSON.stringify(["bogus:ASC", key, id]))],
    ["another direction", ([tag, key, id]) => b64(JSON.stringify([String(tag).replace(/:(ASC|DESC)$/, (_m, d) => (d === "ASC" ? ":DESC" : ":ASC")), key, id]))],
  ];

  const cases = LISTS.flatMap(({ list, orders }) => FORMS.map(([form, make]) => [list, form, orders[0], make] as const));

  it.each(cases)("%s refuses a cursor that is %s with BAD_USER_INPUT on `after`", async (list, _form, order, make) => {
    const first = await page(list, order, 1, null);
    expect(first.errors).toBeUndefined();
    const raw = first.data!.page.edges[0].cursor as string;
    const real = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
    const result = await page(list, order, 2, make(real, raw));
    expect(codes(result)).toEqual(["BAD_USER_INPUT"]);
    expect(result.errors![0].extensions!.argument).toBe("after");
    expect(result.status).toBeLessThan(500);
  });

  it.each([
    ["a string", Buffer.from(JSON.stringify("3")).toString("base64url")],
    ["a fraction", Buffer.from("1.5").toString("base64url")],
    ["an infinite number", Buffer.from("1e400").toString("base64url")],
    ["zero", Buffer.from("0").toString("base64url")],
    ["an array", Buffer.from("[1]").toString("base64url")],
    ["empty", ""],
  ])("a nested list refuses a position cursor that is %s", async (_form, cursor) => {
    const result = await graph.query(
      `query($a: String) { edition(id: "${EDITION}") { participations(first: 2, after: $a) { totalCount } } }`,
      { a: cursor },
      admin,
    );
    expect(codes(result)).toEqual(["BAD_USER_INPUT"]);
    expect(result.errors![0].extensions!.argument).toBe("after");
  });
});

describe("paging to the end", () => {
  beforeAll(async () => {
    // Ties, case variants and non-ASCII titles in every order; and a title with a lone
    // surrogate, which used to be stored mangled and then trapped descending title order.
    for (const title of ["Tied Title", "Tied Title", "tied title", "Ünïcode Title", "Zeta Title", "zeta title"]) {
      const program = await create("Program", { ...KINDS.Program.valid(), titleEn: title, titleId: title === "Zeta Title" ? null : `${title} (ID)` });
      await create("Edition", { ...KINDS.Edition.valid(), programId: program, titleEn: title, plannedStartDate: "2024-03-04" });
    }
    await createRequest("Program", { ...KINDS.Program.valid(), titleEn: "Broken \ud83d title" });
  }, 60_000);

  const walks = LISTS.flatMap(({ list, orders }) => orders.map((order) => [list, order || "(default order)"] as const));

  it.each(walks)("%s in %s: pages of 3 never repeat an item and end with the whole list", async (list, orderText) => {
    const order = orderText === "(default order)" ? "" : orderText;
    const seen: string[] = [];
    let after: string | null = null;
    let total = -1;
    for (let pages = 0; ; pages++) {
      expect(pages).toBeLessThan(400);
      const result = await page(list, order, 3, after);
      expect(result.errors).toBeUndefined();
      const { nodes, pageInfo, totalCount } = result.data!.page;
      total = totalCount;
      seen.push(...nodes.map((n: { id: string }) => n.id));
      if (!pageInfo.hasNextPage) break;
      expect(pageInfo.endCursor).not.toBe(after);
      after = pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(total);
    expect(total).toBeGreaterThan(0);
  });
});

describe("case-folded search beyond ASCII", () => {
  const TITLES = ["ÇAĞDAŞ Kütüphane Forumu", "Thư viện NẴNG", "ΒΙΒΛΙΟΘΉΚΗ Αθηνών"];
  let ids: Record<string, string>;

  beforeAll(async () => {
    ids = {};
    for (const title of TITLES) {
      const id = await create("Program", { ...KINDS.Program.valid(), titleEn: title });
      ids[title] = id;
      await create("Edition", { ...KINDS.Edition.valid(), programId: id, titleEn: `${title} 2024` });
    }
    ids.wild = await create("Program", { ...KINDS.Program.valid(), titleEn: "100% Reading_Club a\\b" });
  }, 60_000);

  const SEARCHES: Array<[string, string]> = [
    ["çağdaş", TITLES[0]],
    ["ÇAĞDAŞ", TITLES[0]],
    ["KÜTÜPHANE", TITLES[0]],
    ["nẵng", TITLES[1]],
    ["NẴNG", TITLES[1]],
    ["n\u0103\u0303ng", TITLES[1]],
    ["THƯ VIỆN", TITLES[1]],
    ["βιβλιοθήκη", TITLES[2]],
  ];

  it.each(SEARCHES)("finds the programme and its edition searching %s", async (search, title) => {
    const programs = await graph.query(`query($s: String!) { programs(first: 100, filter: { search: $s }) { nodes { id } } }`, { s: search }, admin);
    expect(programs.errors).toBeUndefined();
    expect(programs.data!.programs.nodes.map((n: { id: string }) => n.id)).toEqual([ids[title]]);
    const editions = await graph.query(
      `query($s: String!) { editions(first: 100, filter: { search: $s }) { nodes { program { id } } } }`,
      { s: search },
      admin,
    );
    expect(editions.errors).toBeUndefined();
    expect(editions.data!.editions.nodes.map((n: { program: { id: string } }) => n.program.id)).toEqual([ids[title]]);
  });

  it.each([
    ["100%", "wild"],
    ["reading_club", "wild"],
    ["a\\b", "wild"],
  ])("matches %s literally: wildcards and backslashes are no patterns", async (search, key) => {
    const result = await graph.query(`query($s: String!) { programs(first: 100, filter: { search: $s }) { nodes { id } } }`, { s: search }, admin);
    expect(result.errors).toBeUndefined();
    expect(result.data!.programs.nodes.map((n: { id: string }) => n.id)).toEqual([ids[key]]);
  });

  it.each(["%", "_", "\\", "%%"])("a search for %s alone finds only titles containing it", async (search) => {
    const result = await graph.query(`query($s: String!) { programs(first: 100, filter: { search: $s }) { nodes { id } } }`, { s: search }, admin);
    expect(result.errors).toBeUndefined();
    expect(result.data!.programs.nodes.map((n: { id: string }) => n.id)).toEqual(search === "%%" ? [] : [ids.wild]);
  });
});
