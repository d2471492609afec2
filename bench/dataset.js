"use strict";
/**
 * The benchmark's data set: deterministic scaled data (a seeded PRNG, so the
 * same scale and seed give the same rows, ids included) on top of the demo
 * data, and its loader.
 *
 * At scale 1: 10,000 institutions in the 28 Colombo Plan countries (the
 * institutions subgraph's own country list), 30,000 people, 1,000
 * programmes, 5,000 editions, 15,000 activities, 100,000 participations,
 * 5,000 commitments, 200 partners with 2–3 partnerships a programme, 50
 * agreements. `scale` multiplies every count. About 5 % of programmes and
 * editions are drafts (the public does not see them), statuses are mixed,
 * and every generated record is marked a placeholder (it is invented).
 *
 * Some records are there for particular operations: ten published editions
 * with exactly 100 participants each (`dataset.editions100`, the first of
 * them `dataset.edition100`), and a busy
 * institution and country: Perpusnas (the demo's) leads 5 % of the
 * programmes and hosts 10 % of the editions, and Sri Lanka has 10 % of the
 * institutions (so of the people and participations) beside Indonesia's 30 %.
 *
 * Loading: the demo data goes in the normal way (scripts/seed.js migrates and
 * seeds each empty database), then the generated rows are inserted with
 * multi-row INSERTs in one transaction per database, directly into each
 * subgraph's own database: better-sqlite3 for SQLite files, mysql2 for
 * MySQL/MariaDB URLs.
 */
const { execFileSync } = require("node:child_process");
const { join, resolve } = require("node:path");

const ROOT = resolve(__dirname, "..");
const PERPUSNAS = "00000000-0000-4000-8000-000100000001";

/** The 28 Colombo Plan member countries the institutions subgraph seeds (its `countries` table). */
const COUNTRIES = "AF AU BD BT BN FJ IN ID IR JP KR KG LA MY MV MN MM NP NZ PK PG PH SA SG LK TH US VN".split(" ");

/** Demo data already in the databases: counted in what the graph answers. */
/** Editions with exactly 100 participants each: the first ones, of the first programmes, all published. */
const HUNDRED_EDITIONS = 10;

const DEMO = { programs: 3, editions: 1, participations: 19, institutions: 23, publishedPrograms: 3, publishedEditions: 1 };

/** mulberry32: a small, fast, seeded PRNG (uniform in [0, 1)). */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A PRNG for one purpose, so each table's rows do not depend on the order the others are drawn in. */
function stream(seed, name) {
  let h = seed >>> 0;
  for (const c of name) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  return prng(h);
}

const pick = (rand, list) => list[Math.floor(rand() * list.length)];
/** Picks by weight: `weighted(rand, [["A", 5], ["B", 1]])`. */
function weighted(rand, entries) {
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let r = rand() * total;
  for (const [value, w] of entries) if ((r -= w) < 0) return value;
  return entries.at(-1)[0];
}

/** A version-4 UUID drawn from `rand`. */
function uuid(rand) {
  const hex = (n) => Array.from({ length: n }, () => Math.floor(rand() * 16).toString(16)).join("");
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${"89ab"[Math.floor(rand() * 4)]}${hex(3)}-${hex(12)}`;
}

const pad = (n, w = 5) => String(n).padStart(w, "0");
const day = (year, dayOfYear) => new Date(Date.UTC(year, 0, 1 + dayOfYear)).toISOString().slice(0, 10);
const STAMP = "2025-01-01 00:00:00.000";

const THEMES = [
  ["Library transformation", "Transformasi perpustakaan"],
  ["Agricultural extension", "Penyuluhan pertanian"],
  ["Disaster risk management", "Manajemen risiko bencana"],
  ["Maternal health", "Kesehatan ibu"],
  ["Vocational training", "Pelatihan vokasi"],
  ["Digital government", "Pemerintahan digital"],
  ["Fisheries management", "Pengelolaan perikanan"],
  ["Renewable energy", "Energi terbarukan"],
  ["Microfinance", "Keuangan mikro"],
  ["Good governance", "Tata kelola yang baik"],
  ["Water and sanitation", "Air dan sanitasi"],
  ["Community libraries", "Perpustakaan komunitas"],
];
const FORMATS = [
  ["Training", "Pelatihan"],
  ["Knowledge sharing", "Berbagi pengetahuan"],
  ["Workshop", "Lokakarya"],
  ["Study visit", "Kunjungan belajar"],
  ["Expert dispatch", "Pengiriman tenaga ahli"],
];
const INSTITUTION_TYPES = [
  ["PUBLIC_LIBRARY", "Public Library", "Perpustakaan Umum", 4],
  ["UNIVERSITY", "University", "Universitas", 3],
  ["MINISTRY", "Ministry", "Kementerian", 1],
  ["LOCAL_GOVERNMENT", "Local Government", "Pemerintah Daerah", 2],
  ["NGO", "Foundation", "Yayasan", 2],
  ["DIRECTORATE", "Directorate", "Direktorat", 1],
];
const STATUSES = [
  ["IMPLEMENTATION", 4],
  ["CLOSED", 4],
  ["FINALISATION", 1],
  ["PIPELINE", 1],
  ["CANCELLED", 0.3],
  ["SUSPENDED", 0.2],
];

/**
 * The counts of a data set at `scale` (generated rows only; the demo data
 * comes on top, see DEMO).
 */
function countsAt(scale) {
  const s = (n) => Math.round(n * scale);
  return {
    areas: 5 * COUNTRIES.length,
    institutions: s(10_000),
    people: s(30_000),
    programs: s(1_000),
    editions: s(5_000),
    participations: s(100_000),
    partners: s(200),
    agreements: s(50),
  };
}

/**
 * Generates the data set at `scale` with `seed`. Returns `{ counts, expected,
 * edition100, databases }`: `databases.<subgraph>` is a list of tables
 * `{ table, columns, rows }` (rows are arrays in column order), in the
 * order they must be inserted; `expected` is what the graph must answer
 * (demo data included), and `editions100` the ids of the editions with
 * exactly 100 participants, with `countries`, `programCodes`, `institutionIds` and
 * `searchWords` to vary operations over.
 */
function generate({ scale = 1, seed = 20231117 } = {}) {
  if (!(scale > 0)) throw new Error(`scale must be a positive number, not ${scale}`);
  const n = countsAt(scale);

  // institutions: areas, institutions, people
  const rArea = stream(seed, "areas");
  const areas = [];
  const areasByCountry = new Map(COUNTRIES.map((c) => [c, []]));
  COUNTRIES.forEach((country) => {
    for (let k = 1; k <= 5; k++) {
      const id = uuid(rArea);
      areasByCountry.get(country).push(id);
      areas.push([id, 1, STAMP, STAMP, `B${country}${k}`, `Bench Province ${k} of ${country}`, `Provinsi Bench ${k} ${country}`, "PROVINCE", country, 1, ""]);
    }
  });

  const rInst = stream(seed, "institutions");
  const institutions = [];
  const instCountry = [];
  const indonesian = [];
  for (let i = 0; i < n.institutions; i++) {
    const id = uuid(rInst);
    const country = weighted(rInst, [["ID", 30], ["LK", 10], ...COUNTRIES.filter((c) => c !== "ID" && c !== "LK").map((c) => [c, 60 / 26])]);
    const [type, en, idName] = weighted(
      rInst,
      INSTITUTION_TYPES.map((t) => [t, t[3]]),
    );
    const areaId = rInst() < 0.5 ? pick(rInst, areasByCountry.get(country)) : null;
    institutions.push([
      id,
      1,
      STAMP,
      STAMP,
      `${en} ${pad(i)} (${country})`,
      `${idName} ${pad(i)} (${country})`,
      `B${pad(i)}`,
      type,
      country,
      areaId,
      `bench-inst-${pad(i, 6)}`,
      1,
      "",
    ]);
    instCountry.push(country);
    if (country === "ID") indonesian.push(i);
  }

  const rPerson = stream(seed, "people");
  const people = [];
  const personOf = [];
  for (let i = 0; i < n.people; i++) {
    const id = uuid(rPerson);
    const inst = Math.floor(rPerson() * n.institutions);
    const gender = weighted(rPerson, [
      ["FEMALE", 48],
      ["MALE", 48],
      ["UNDISCLOSED", 4],
    ]);
    const publicCapacity = rPerson() < 0.02 ? 1 : 0;
    people.push([
      id,
      1,
      STAMP,
      STAMP,
      `Bench Person ${pad(i, 6)}`,
      1,
      publicCapacity ? "Director" : "Officer",
      institutions[inst][0],
      `person${i}@example.org`,
      gender,
      publicCapacity,
      "",
    ]);
    personOf.push({ id, institutionId: institutions[inst][0], country: instCountry[inst], gender });
  }

  // programs: programmes, SDG targets, editions, activities, participations, commitments
  const rProg = stream(seed, "programs");
  const programs = [];
  const sdg = [];
  const programMeta = [];
  for (let i = 0; i < n.programs; i++) {
    const id = uuid(rProg);
    const [theme, themeId] = pick(rProg, THEMES);
    const [format, formatId] = pick(rProg, FORMATS);
    const status = weighted(rProg, STATUSES);
    const modality = weighted(rProg, [
      ["SOUTH_SOUTH", 5],
      ["TRIANGULAR", 3],
      ["BILATERAL", 2],
      [null, 1],
    ]);
    const lead = rProg() < 0.05 ? PERPUSNAS : institutions[indonesian.length ? indonesian[Math.floor(rProg() * indonesian.length)] : 0][0];
    const parent = i >= 50 && rProg() < 0.1 ? programMeta[Math.floor(rProg() * 50)].id : null;
    // The first programmes hold the editions with 100 participants: they stay published.
    const published = i < HUNDRED_EDITIONS || rProg() >= 0.05 ? 1 : 0;
    const code = `BX-${pad(i)}`;
    programs.push([
      id,
      1,
      STAMP,
      STAMP,
      code,
      `${theme}: ${format} ${pad(i)}`,
      `${formatId} ${themeId.toLowerCase()} ${pad(i)}`,
      `${format} on ${theme.toLowerCase()} for Colombo Plan countries.`,
      `${formatId} tentang ${themeId.toLowerCase()} bagi negara-negara Colombo Plan.`,
      theme,
      themeId,
      modality,
      status,
      lead,
      parent,
      published,
      1,
      "",
    ]);
    const goals = new Set();
    const k = 1 + Math.floor(rProg() * 3);
    while (goals.size < k) goals.add(1 + Math.floor(rProg() * 17));
    for (const goal of goals) sdg.push([uuid(rProg), id, goal, `${goal}.${1 + Math.floor(rProg() * 9)}`]);
    programMeta.push({ id, code, published });
  }

  const rEd = stream(seed, "editions");
  const editions = [];
  const activities = [];
  const commitments = [];
  const editionMeta = [];
  for (let i = 0; i < n.editions; i++) {
    const id = uuid(rEd);
    // Every programme gets one edition, the rest go at random.
    const p = i < n.programs ? i : Math.floor(rEd() * n.programs);
    const year = 2015 + Math.floor(rEd() * 11);
    const start = Math.floor(rEd() * 330);
    const length = 2 + Math.floor(rEd() * 12);
    const status =
      year < 2024
        ? weighted(rEd, [
            ["CLOSED", 9],
            ["CANCELLED", 1],
          ])
        : weighted(rEd, STATUSES);
    const hostIndex =
      rEd() < 0.1 ? -1 : rEd() < 0.7 && indonesian.length ? indonesian[Math.floor(rEd() * indonesian.length)] : Math.floor(rEd() * n.institutions);
    const host = hostIndex < 0 ? PERPUSNAS : institutions[hostIndex][0];
    const venueCountry = hostIndex < 0 ? "ID" : instCountry[hostIndex];
    const invited = new Set();
    const k = 3 + Math.floor(rEd() * 4);
    while (invited.size < k) invited.add(pick(rEd, COUNTRIES));
    const done = status === "CLOSED";
    const published = i < HUNDRED_EDITIONS || rEd() >= 0.05 ? 1 : 0;
    const [title, titleId] = [programs[p][5], programs[p][6]];
    editions.push([
      id,
      1,
      STAMP,
      STAMP,
      programMeta[p].id,
      `${title} ${year}`,
      `${titleId} ${year}`,
      day(year, start),
      day(year, start + length),
      done ? day(year, start) : null,
      done ? day(year, start + length) : null,
      `Bench venue ${pad(i)}`,
      `Tempat bench ${pad(i)}`,
      venueCountry,
      host,
      JSON.stringify([...invited]),
      status,
      published,
      1,
      "",
    ]);
    editionMeta.push({ id, published: published && programMeta[p].published, year, invited: [...invited] });
    const kinds = ["OPENING", pick(rEd, ["SESSION", "WORKSHOP", "SITE_VISIT"]), "CLOSING"];
    kinds.forEach((kind, s) =>
      activities.push([
        uuid(rEd),
        1,
        STAMP,
        STAMP,
        id,
        kind,
        `${kind[0]}${kind.slice(1).toLowerCase().replace("_", " ")} ${pad(i)}`,
        `Kegiatan ${s + 1} ${pad(i)}`,
        day(year, start + s * Math.floor(length / 2)),
        s + 1,
        1,
        "",
      ]),
    );
    commitments.push([
      uuid(rEd),
      1,
      STAMP,
      STAMP,
      id,
      pick(rEd, [...invited]),
      `Apply what was learned in edition ${pad(i)} at home.`,
      `Menerapkan pembelajaran edisi ${pad(i)} di negara asal.`,
      weighted(rEd, [
        ["PLANNED", 3],
        ["IN_PROGRESS", 3],
        ["ACHIEVED", 2],
        ["DROPPED", 1],
      ]),
      1,
      "",
    ]);
  }

  // Participations: the first editions exactly 100 each, the rest spread at random (about 20 each, never 100).
  const rPart = stream(seed, "participations");
  const perEdition = new Array(n.editions).fill(0);
  let assigned = 0;
  for (let e = 0; e < HUNDRED_EDITIONS && e < n.editions && assigned + 100 <= n.participations; e++, assigned += 100) perEdition[e] = 100;
  for (let k = assigned; k < n.participations; k++) {
    let e;
    do e = HUNDRED_EDITIONS + Math.floor(rPart() * (n.editions - HUNDRED_EDITIONS));
    while (perEdition[e] >= 99);
    perEdition[e]++;
  }
  const participations = [];
  let participantsOfPublished = 0;
  for (let e = 0; e < n.editions; e++) {
    // Consecutive people from a random start: distinct within an edition (the live (edition, person) pair is unique).
    const first = Math.floor(rPart() * n.people);
    for (let j = 0; j < perEdition[e]; j++) {
      const person = personOf[(first + j) % n.people];
      const role = weighted(rPart, [
        ["PARTICIPANT", 90],
        ["SPEAKER", 5],
        ["FACILITATOR", 3],
        ["ORGANISER", 2],
      ]);
      const status = weighted(rPart, [
        ["COMPLETED", 50],
        ["ATTENDED", 30],
        ["ACCEPTED", 10],
        ["NOMINATED", 5],
        ["WITHDRAWN", 5],
      ]);
      participations.push([
        uuid(rPart),
        1,
        STAMP,
        STAMP,
        editionMeta[e].id,
        person.id,
        role,
        status,
        person.country,
        person.institutionId,
        person.gender,
        1,
        "",
      ]);
    }
    if (editionMeta[e].published) participantsOfPublished += perEdition[e];
  }

  // partners: partners, partnerships, agreements and their parties
  const rPartner = stream(seed, "partners");
  const partners = [];
  for (let i = 0; i < n.partners; i++) {
    const inst = Math.floor(rPartner() * n.institutions);
    const kind = weighted(rPartner, [
      ["NATIONAL_AGENCY", 4],
      ["MINISTRY", 3],
      ["DEVELOPMENT_PARTNER", 2],
      ["INTERGOVERNMENTAL_ORGANISATION", 1],
    ]);
    partners.push([
      uuid(rPartner),
      1,
      STAMP,
      STAMP,
      `Bench Partner ${pad(i)}`,
      `Mitra Bench ${pad(i)}`,
      `BP${pad(i)}`,
      kind,
      institutions[inst][0],
      instCountry[inst],
      `bench-partner-${pad(i, 6)}`,
      1,
      "",
    ]);
  }
  const partnerships = [];
  const ROLES = ["IMPLEMENTING", "FUNDING", "ACCOUNTABLE", "EXTENDING", "CO_ORGANISER"];
  for (const program of programMeta) {
    const k = 1 + Math.floor(rPartner() * 4);
    const chosen = new Set();
    while (chosen.size < Math.min(k, n.partners)) chosen.add(Math.floor(rPartner() * n.partners));
    let r = Math.floor(rPartner() * ROLES.length);
    for (const p of chosen) partnerships.push([uuid(rPartner), 1, STAMP, STAMP, program.id, partners[p][0], ROLES[r++ % ROLES.length], "", 1, ""]);
  }
  const agreements = [];
  const parties = [];
  for (let i = 0; i < n.agreements; i++) {
    const id = uuid(rPartner);
    const year = 2010 + Math.floor(rPartner() * 15);
    agreements.push([
      id,
      1,
      STAMP,
      STAMP,
      `Bench agreement ${pad(i)}`,
      `Perjanjian bench ${pad(i)}`,
      pick(rPartner, ["MOU", "FRAMEWORK", "ARRANGEMENT", "LETTER_OF_INTENT"]),
      day(year, 10),
      day(year + 5, 10),
      1,
      "",
    ]);
    const chosen = new Set();
    const k = 2 + Math.floor(rPartner() * 3);
    while (chosen.size < Math.min(k, n.partners)) chosen.add(Math.floor(rPartner() * n.partners));
    for (const p of chosen) parties.push([uuid(rPartner), 1, STAMP, STAMP, id, partners[p][0], pick(rPartner, ["Signatory", "Implementer", "Funder"]), 1, ""]);
  }

  const BASE = ["id", "version", "createdAt", "updatedAt"];
  const PH = ["isPlaceholder", "placeholderFields"];
  const databases = {
    institutions: [
      { table: "administrative_areas", columns: [...BASE, "code", "nameEn", "nameId", "level", "countryCode", ...PH], rows: areas },
      { table: "institutions", columns: [...BASE, "nameEn", "nameId", "acronym", "type", "countryCode", "areaId", "slug", ...PH], rows: institutions },
      {
        table: "people",
        columns: [...BASE, "fullName", "isPlaceholder", "positionEn", "institutionId", "email", "gender", "publicCapacity", "placeholderFields"],
        rows: people,
      },
    ],
    programs: [
      {
        table: "programs",
        columns: [
          ...BASE,
          "code",
          "titleEn",
          "titleId",
          "summaryEn",
          "summaryId",
          "themeEn",
          "themeId",
          "modality",
          "status",
          "leadInstitutionId",
          "parentProgramId",
          "published",
          ...PH,
        ],
        rows: programs,
      },
      { table: "program_sdg_targets", columns: ["id", "programId", "goal", "target"], rows: sdg },
      {
        table: "editions",
        columns: [
          ...BASE,
          "programId",
          "titleEn",
          "titleId",
          "plannedStartDate",
          "plannedEndDate",
          "actualStartDate",
          "actualEndDate",
          "venueEn",
          "venueId",
          "venueCountryCode",
          "hostInstitutionId",
          "invitedCountryCodes",
          "status",
          "published",
          ...PH,
        ],
        rows: editions,
      },
      { table: "activities", columns: [...BASE, "editionId", "kind", "titleEn", "titleId", "date", "sequence", ...PH], rows: activities },
      {
        table: "participations",
        columns: [...BASE, "editionId", "personId", "role", "status", "countryCode", "institutionId", "gender", ...PH],
        rows: participations,
      },
      { table: "commitments", columns: [...BASE, "editionId", "countryCode", "descriptionEn", "descriptionId", "followUpStatus", ...PH], rows: commitments },
    ],
    partners: [
      {
        table: "partners",
        columns: [...BASE, "nameEn", "nameId", "acronym", "kind", "institutionId", "homeCountryCode", "slug", ...PH],
        rows: partners,
      },
      { table: "program_partnerships", columns: [...BASE, "programId", "partnerId", "role", "editionScope", ...PH], rows: partnerships },
      { table: "agreements", columns: [...BASE, "titleEn", "titleId", "kind", "signedOn", "expiresOn", ...PH], rows: agreements },
      { table: "agreement_parties", columns: [...BASE, "agreementId", "partnerId", "role", ...PH], rows: parties },
    ],
  };

  const publishedPrograms = programMeta.filter((p) => p.published).length;
  return {
    scale,
    seed,
    databases,
    counts: { ...n, people: people.length, activities: activities.length, commitments: commitments.length, partnerships: partnerships.length },
    expected: {
      programs: n.programs + DEMO.programs,
      publishedPrograms: publishedPrograms + DEMO.publishedPrograms,
      editions: n.editions + DEMO.editions,
      publishedEditions: editionMeta.filter((e) => e.published).length + DEMO.publishedEditions,
      participations: n.participations + DEMO.participations,
      participationsInPublished: participantsOfPublished + DEMO.participations,
      institutions: n.institutions + DEMO.institutions,
      countries: COUNTRIES.length,
    },
    edition100: editionMeta[0].id,
    editions100: editionMeta.slice(0, HUNDRED_EDITIONS).map((e) => e.id),
    countries: COUNTRIES,
    programCodes: programMeta.filter((p) => p.published).map((p) => p.code),
    institutionIds: [PERPUSNAS, ...institutions.slice(0, 200).map((r) => r[0])],
    searchWords: ["perpustakaan", "library", "training", "pelatihan", "energy", "governance", "fisheries", "workshop"],
  };
}

/** Rows of `table` in batches of `size`. */
function* batches(rows, size) {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

/** Inserts tables into a SQLite file in one transaction (multi-row INSERTs of up to 1,000 rows). */
function loadSqlite(path, tables) {
  const Database = require(join(ROOT, "node_modules/better-sqlite3"));
  const db = new Database(path);
  try {
    db.pragma("journal_mode = WAL");
    const statements = new Map();
    const insert = (table, columns, count) => {
      const key = `${table}:${count}`;
      if (!statements.has(key)) {
        const row = `(${columns.map(() => "?").join(",")})`;
        statements.set(key, db.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(",")}) VALUES ${Array(count).fill(row).join(",")}`));
      }
      return statements.get(key);
    };
    db.transaction(() => {
      for (const { table, columns, rows } of tables) for (const batch of batches(rows, 1000)) insert(table, columns, batch.length).run(batch.flat());
    })();
  } finally {
    db.close();
  }
}

/** Inserts tables into a MySQL/MariaDB database in one transaction (mysql2's `VALUES ?` bulk form, 2,000 rows a statement). */
async function loadMysql(url, tables) {
  const mysql = require(join(ROOT, "node_modules/mysql2/promise"));
  const conn = await mysql.createConnection({ uri: url.replace(/^mariadb:/, "mysql:"), charset: "utf8mb4_unicode_ci" });
  try {
    await conn.beginTransaction();
    for (const { table, columns, rows } of tables) {
      for (const batch of batches(rows, 2000)) await conn.query(`INSERT INTO \`${table}\` (${columns.map((c) => `\`${c}\``).join(",")}) VALUES ?`, [batch]);
    }
    await conn.commit();
  } finally {
    await conn.end();
  }
}

/**
 * Migrates and seeds the demo data into each subgraph's (empty) database the
 * way `npm run seed` does, then bulk-loads the generated rows. `databases`
 * maps each subgraph to `{ sqlitePath }` or `{ url }`. Resolves with the
 * milliseconds each step took.
 */
async function loadDataset(dataset, databases) {
  const env = { ...process.env, LOG_LEVEL: "warn" };
  for (const [name, target] of Object.entries(databases)) {
    const prefix = name.toUpperCase();
    delete env[`${prefix}_DATABASE_URL`];
    delete env[`${prefix}_SQLITE_PATH`];
    if (target.url) env[`${prefix}_DATABASE_URL`] = target.url;
    else env[`${prefix}_SQLITE_PATH`] = target.sqlitePath;
  }
  let started = Date.now();
  execFileSync(process.execPath, [join(ROOT, "scripts/seed.js")], { cwd: ROOT, env, stdio: ["ignore", "ignore", "inherit"] });
  const seedMs = Date.now() - started;
  const loadMs = {};
  for (const [name, target] of Object.entries(databases)) {
    started = Date.now();
    if (target.url) await loadMysql(target.url, dataset.databases[name]);
    else loadSqlite(target.sqlitePath, dataset.databases[name]);
    loadMs[name] = Date.now() - started;
  }
  return { seedMs, loadMs };
}

module.exports = { COUNTRIES, DEMO, HUNDRED_EDITIONS, PERPUSNAS, countsAt, generate, loadDataset, prng, uuid };
