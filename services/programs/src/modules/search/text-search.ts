import { BadUserInputError, foldCase, SQLITE_FOLD } from "@sstc/subgraph-kit";
import type { SqlConditions } from "./sql-conditions";

const MAX_LENGTH = 100;
const MAX_WORDS = 8;

/**
 * Splits a search into case-folded words (at most 8, 100 characters in
 * all); every word must occur somewhere in the searched texts.
 */
export function searchWords(search: string, argument: string): string[] {
  const trimmed = search.trim();
  if (!trimmed || trimmed.length > MAX_LENGTH) {
    throw new BadUserInputError(`"${argument}" must have 1–${MAX_LENGTH} characters besides spaces.`, { argument });
  }
  const words = [...new Set(foldCase(trimmed).split(/\s+/))];
  if (words.length > MAX_WORDS) throw new BadUserInputError(`"${argument}" may have at most ${MAX_WORDS} words.`, { argument });
  return words;
}

/**
 * `%` and `_` in user input match themselves, not any text: escaped with `!`
 * (the ESCAPE character below). With an explicit ESCAPE, a backslash is an
 * ordinary character on MySQL as on SQLite.
 */
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
 * "The pattern occurs in one of these columns", compared case-folded: the
 * words are folded with {@link foldCase}, the columns with MySQL's LOWER()
 * (Unicode-aware under the utf8mb4 collations) or, on SQLite, whose LOWER()
 * folds ASCII only, with the same fold registered as {@link SQLITE_FOLD}.
 */
export const anyColumnLike = (columns: string[], mysql: boolean) => (pattern: string) =>
  columns.map((column) => `${mysql ? "LOWER" : SQLITE_FOLD}(${column}) LIKE ${pattern} ESCAPE '!'`).join(" OR ");
