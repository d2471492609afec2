import type { DataSource, EntityMetadata } from "typeorm";
import { newId, type RunningSubgraph } from "@sstc/subgraph-kit";

/*
 * Scaled data for measuring the subgraphs: rows written straight into the
 * databases of a running subgraph set with multi-row INSERTs (one statement
 * per few hundred rows, in one transaction per table), on SQLite and
 * MySQL/MariaDB alike, so that 100,000 participations load in seconds.
 * Values come from a seeded generator: the same size gives the same rows,
 * and the rows are returned so that a test can count them itself.
 */

/** How many rows of each kind to add (beside the demo data). */
export interface ScaleSize {
  institutions: number;
  programs: number;
  editions: number;
  participations: number;
  /** Distinct people the participations are spread over (a person takes part in several editions). */
  people?: number;
}

/** The rows added, as plain objects with the columns statistics read. */
export interface ScaledData {
  institutions: Array<{ id: string; countryCode: string }>;
  programs: Array<{ id: string; modality: string | null; published: boolean; leadInstitutionId: string }>;
  editions: Array<{ id: string; programId: string; plannedStartDate: string; venueCountryCode: string; hostInstitutionId: string; published: boolean }>;
  participations: Array<{
    id: string;
    editionId: string;
    personId: string;
    role: string;
    countryCode: string;
    institutionId: string | null;
    gender: string | null;
  }>;
}

/** A small deterministic generator (mulberry32): the same seed gives the same data. */
function generator(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)],
    chance: (p: number) => next() < p,
  };
}

const MODALITIES = ["SOUTH_SOUTH", "TRIANGULAR", "BILATERAL", null] as const;
const ROLES = ["PARTICIPANT", "PARTICIPANT", "PARTICIPANT", "PARTICIPANT", "FACILITATOR", "SPEAKER", "ORGANISER"] as const;
const STATUSES = ["NOMINATED", "ACCEPTED", "ATTENDED", "COMPLETED", "WITHDRAWN"] as const;
const GENDERS = ["FEMALE", "MALE", "UNDISCLOSED", null] as const;
const INSTITUTION_TYPES = ["PUBLIC_LIBRARY", "UNIVERSITY", "MINISTRY", "NGO", "LOCAL_GOVERNMENT"] as const;

/**
 * Inserts `rows` of the entity named `entityName` with multi-row INSERTs:
 * every column of the entity is written (its default when the row lacks
 * it), converted by the driver exactly as TypeORM would persist it.
 */
export async function bulkInsert(db: DataSource, entityName: string, rows: Array<Record<string, unknown>>, rowsPerStatement = 500): Promise<void> {
  const metadata: EntityMetadata = db.getMetadata(entityName);
  const columns = metadata.columns;
  const now = new Date();
  const quote = (name: string) => db.driver.escape(name);
  const head = `INSERT INTO ${quote(metadata.tableName)} (${columns.map((c) => quote(c.databaseName)).join(", ")}) VALUES `;
  const tuple = `(${columns.map(() => "?").join(", ")})`;
  const stamps: Record<string, unknown> = { version: 1, createdAt: now, updatedAt: now, deletedAt: null, isPlaceholder: false, placeholderFields: [] };
  await db.transaction(async (manager) => {
    for (let start = 0; start < rows.length; start += rowsPerStatement) {
      const chunk = rows.slice(start, start + rowsPerStatement);
      const parameters: unknown[] = [];
      for (const row of chunk) {
        for (const column of columns) {
          const given = column.propertyName in row ? row[column.propertyName] : column.propertyName in stamps ? stamps[column.propertyName] : column.default;
          const value = given === undefined ? null : given;
          // Transformers (e.g. placeholderFields) first, then the driver's own conversion (dates, booleans, JSON).
          const transformed = column.transformer && !Array.isArray(column.transformer) ? column.transformer.to(value) : value;
          parameters.push(db.driver.preparePersistentValue(transformed, column));
        }
      }
      await manager.query(head + chunk.map(() => tuple).join(", "), parameters);
    }
  });
}

/**
 * Adds `size` rows to a running programs + institutions pair: institutions in
 * every country the institutions subgraph knows, programmes led by them,
 * editions of those programmes held and hosted across countries from 2015 to
 * 2026, and participations spread over people, countries, institutions,
 * roles and genders (a person at most once per edition).
 */
export async function scaleUp(subgraphs: { programs: RunningSubgraph; institutions: RunningSubgraph }, size: ScaleSize, seed = 12): Promise<ScaledData> {
  const random = generator(seed);
  const countries: string[] = (await subgraphs.institutions.db.query("SELECT code FROM countries ORDER BY code")).map((r: { code: string }) => r.code);
  const tag = seed.toString(36);

  const institutions = Array.from({ length: size.institutions }, (_, i) => ({ id: newId(), countryCode: random.pick(countries), n: i }));
  await bulkInsert(
    subgraphs.institutions.db,
    "Institution",
    institutions.map(({ id, countryCode, n }) => ({
      id,
      countryCode,
      nameEn: `Scale Institution ${tag}-${n}`,
      slug: `scale-institution-${tag}-${n}`,
      type: random.pick(INSTITUTION_TYPES),
    })),
  );

  const programs = Array.from({ length: size.programs }, (_, i) => ({
    id: newId(),
    modality: random.pick(MODALITIES),
    published: !random.chance(0.05),
    leadInstitutionId: random.pick(institutions).id,
    n: i,
  }));
  await bulkInsert(
    subgraphs.programs.db,
    "Program",
    programs.map(({ n, ...p }) => ({
      ...p,
      code: `SCALE-${tag}-${n}`.toUpperCase(),
      titleEn: `Scale programme ${n} on ${random.pick(["library transformation", "digital literacy", "reading culture", "archives", "rural outreach"])}`,
      summaryEn: `Programme ${n} for the scale measurements.`,
      status: "IMPLEMENTATION",
    })),
  );

  const editions = Array.from({ length: size.editions }, (_, i) => {
    const year = 2015 + random.int(12);
    const month = String(1 + random.int(12)).padStart(2, "0");
    return {
      id: newId(),
      programId: programs[i % programs.length].id,
      plannedStartDate: `${year}-${month}-01`,
      venueCountryCode: random.pick(countries),
      hostInstitutionId: random.pick(institutions).id,
      published: !random.chance(0.05),
      n: i,
    };
  });
  await bulkInsert(
    subgraphs.programs.db,
    "Edition",
    editions.map(({ n, ...e }) => ({
      ...e,
      titleEn: `Scale edition ${n}`,
      plannedEndDate: e.plannedStartDate.replace(/-01$/, "-20"),
      invitedCountryCodes: [e.venueCountryCode],
      status: "COMPLETED",
    })),
  );

  const people = Array.from({ length: size.people ?? Math.max(1, Math.ceil(size.participations / 3)) }, () => newId());
  const participations: ScaledData["participations"] = [];
  const seen = new Set<string>();
  while (participations.length < size.participations) {
    const edition = editions[participations.length % editions.length];
    const personId = random.pick(people);
    if (seen.has(`${edition.id}/${personId}`)) continue;
    seen.add(`${edition.id}/${personId}`);
    const institution = random.chance(0.9) ? random.pick(institutions) : null;
    participations.push({
      id: newId(),
      editionId: edition.id,
      personId,
      role: random.pick(ROLES),
      countryCode: institution?.countryCode ?? random.pick(countries),
      institutionId: institution?.id ?? null,
      gender: random.pick(GENDERS),
    });
  }
  await bulkInsert(
    subgraphs.programs.db,
    "Participation",
    participations.map((p) => ({ ...p, status: random.pick(STATUSES) })),
  );

  return {
    institutions: institutions.map(({ id, countryCode }) => ({ id, countryCode })),
    programs: programs.map(({ id, modality, published, leadInstitutionId }) => ({ id, modality, published, leadInstitutionId })),
    editions: editions.map(({ id, programId, plannedStartDate, venueCountryCode, hostInstitutionId, published }) => ({
      id,
      programId,
      plannedStartDate,
      venueCountryCode,
      hostInstitutionId,
      published,
    })),
    participations,
  };
}
