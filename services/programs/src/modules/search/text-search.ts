import { BadUserInputError } from "@sstc/common";
import type { SqlConditions } from "./sql-conditions";

const MAX_LENGTH = 100;
const MAX_WORDS = 8;

/**
 * Splits a search into lower-cased words (at most 8, 100 characters in
 * all); every word must occur somewhere in the searched texts.
 */
export function searchWords(search: string, argument: string): string[] {
  const trimmed = search.trim();
  if (!trimmed || trimmed.length > MAX_LENGTH) {
    throw new BadUserInputError(`"${argument}" must have 1–${MAX_LENGTH} characters besides spaces.`, { argument });
  }
  const words = [...new Set(trimmed.toLowerCase().split(/\s+/))];
  if (words.length > MAX_WORDS) throw new BadUserInputError(`"${argument}" may have at most ${MAX_WORDS} words.`, { argument });
  return words;
}

/** `%` and `_` in user input match themselves, not any text: escaped with `!` (the ESCAPE character below). */
const likePattern = (word: string) => `%${word.replace(/[!%_]/g, (c) => `!${c}`)}%`;

/**
 * Adds "every word occurs in the searched texts" to `where`; `matches`
 * turns one bound LIKE pattern into the SQL that tests it (see
 * {@link anyColumnLike}). Case-insensitive substring matching with LIKE,
 * over English and Bahasa Indonesia columns alike. LIKE '%…%' cannot use
 * an index; the next step for large catalogues is a FULLTEXT index (MySQL)
 * / FTS5 table (SQLite) over the same columns.
 */
export function addTextSearch(where: SqlConditions, words: string[], matches: (pattern: string) => string) {
  for (const word of words) where.add(matches(where.param(likePattern(word))));
}

/**
 * "The pattern occurs in one of these columns". LOWER() keeps it
 * case-insensitive whatever the column collation (SQLite lower-cases ASCII
 * only, which covers English and Bahasa Indonesia).
 */
export const anyColumnLike = (columns: string[]) => (pattern: string) =>
  columns.map((column) => `LOWER(${column}) LIKE ${pattern} ESCAPE '!'`).join(" OR ");
