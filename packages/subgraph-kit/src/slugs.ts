import { ValidateBy, type ValidationOptions } from "class-validator";
import slugify from "slugify";
import type { EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import { BadUserInputError, ConflictError } from "@sstc/service-kit";

/*
 * Slugs name a record in a portal's addresses (/institutions/perpusnas):
 * lower-case ASCII letters and digits in words joined by single hyphens,
 * unique among live records of their type, generated from the acronym or
 * name when not given and never changed by a change of name, so that
 * addresses stay valid.
 */

export const SLUG_MAX_LENGTH = 80;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** True for a well-formed slug, e.g. `perpusnas`, `colombo-plan`. */
export const isSlug = (value: unknown): value is string => typeof value === "string" && value.length <= SLUG_MAX_LENGTH && SLUG.test(value);

const SLUG_MESSAGE = `must be a slug: lower-case letters a-z and digits in words joined by single hyphens, at most ${SLUG_MAX_LENGTH} characters, such as colombo-plan`;

/** An input field holding a slug (see {@link isSlug}). */
export const IsSlug = (options: ValidationOptions = {}) =>
  ValidateBy({ name: "isSlug", validator: { validate: (value) => isSlug(value), defaultMessage: () => SLUG_MESSAGE } }, options);

/** Reads a slug used to look something up: anything but a well-formed slug is BAD_USER_INPUT naming the argument. */
export function assertSlug(value: string, argument = "slug"): string {
  if (!isSlug(value)) throw new BadUserInputError(`"${argument}" ${SLUG_MESSAGE}; got ${JSON.stringify(value)}.`, { argument });
  return value;
}

/** The slug a text suggests (transliterated to ASCII, lower-cased, cut at a word boundary), or "" when nothing of it is left. */
export function slugOf(text: string | null | undefined): string {
  const full = slugify(text ?? "", { lower: true, strict: true, trim: true });
  if (full.length <= SLUG_MAX_LENGTH) return full;
  const cut = full.slice(0, SLUG_MAX_LENGTH + 1);
  return cut.slice(0, cut.lastIndexOf("-") > 0 ? cut.lastIndexOf("-") : SLUG_MAX_LENGTH).replace(/-+$/, "");
}

/** The CONFLICT for a slug another live record holds, naming the input field (`slug` undefined: one generated for the record). */
export const slugTaken = (slug: string | undefined, field = "input.slug") =>
  new ConflictError(slug ? `The slug ${slug} is taken.` : "The slug generated for this record was taken by another write at the same moment; try again.", {
    field,
  });

/** The first candidate's slug nobody holds, else the first base numbered `-2`, `-3`… until free; `fallback` when the candidates leave nothing. */
function pickSlug(candidates: Array<string | null | undefined>, fallback: string, held: ReadonlySet<string>): string {
  const bases = [...new Set(candidates.map(slugOf).filter(Boolean))];
  if (!bases.length) bases.push(fallback);
  const free = bases.find((base) => !held.has(base));
  if (free) return free;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const slug = `${bases[0].slice(0, SLUG_MAX_LENGTH - suffix.length).replace(/-+$/, "")}${suffix}`;
    if (!held.has(slug)) return slug;
  }
}

/**
 * A slug for a new record: the first of the candidates' slugs (an acronym,
 * then a name…) that no live record of `entity` holds, else the first one
 * with the lowest free number appended (`-2`, `-3`…); `fallback` when the
 * candidates leave no letters or digits. Run inside the write transaction;
 * the unique index still decides between two writers racing.
 */
export async function freeSlug<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  candidates: Array<string | null | undefined>,
  fallback: string,
): Promise<string> {
  const bases = [...new Set([...candidates.map(slugOf).filter(Boolean), fallback])];
  // Every live slug that starts like a base (its numbered forms included); slugs hold only a-z, 0-9 and hyphens, so nothing needs escaping in LIKE.
  const prefixes = Object.fromEntries(bases.map((base, i) => [`prefix${i}`, `${base.slice(0, 60)}%`]));
  const rows = await manager
    .getRepository(entity)
    .createQueryBuilder("s")
    .select("s.slug", "slug")
    .where(`(${bases.map((_, i) => `s.slug LIKE :prefix${i}`).join(" OR ")})`, prefixes)
    .getRawMany<{ slug: string }>();
  const held = new Set(rows.map((r) => r.slug));
  return pickSlug(candidates, fallback, held);
}

/**
 * Slugs for records that have none (a migration's backfill), in the order
 * given: each row's first free candidate, numbered when taken, unique among
 * all the rows.
 */
export function assignSlugs(rows: Array<{ id: string; candidates: Array<string | null | undefined> }>, fallback: string): Map<string, string> {
  const held = new Set<string>();
  const slugs = new Map<string, string>();
  for (const row of rows) {
    const slug = pickSlug(row.candidates, fallback, held);
    held.add(slug);
    slugs.set(row.id, slug);
  }
  return slugs;
}

/**
 * Creates a record whose slug may be generated: when a generated slug loses
 * a race to another writer (the unique index refuses it, CONFLICT), the
 * create runs again and takes the next free one. A slug the client chose is
 * never replaced: its CONFLICT goes back to the client.
 */
export async function createWithSlug<T>(slugGiven: boolean, create: () => Promise<T>, attempts = 6): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await create();
    } catch (error) {
      if (slugGiven || !(error instanceof ConflictError) || attempt >= attempts) throw error;
    }
  }
}
