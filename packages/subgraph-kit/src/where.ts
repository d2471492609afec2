import { In, type FindOptionsWhere, type ObjectLiteral, type SelectQueryBuilder } from "typeorm";
import { BadUserInputError } from "@sstc/service-kit";
import { foldCase, SQLITE_FOLD } from "./text";

/*
 * TypeORM types a `where` with a mapped conditional type, FindOptionsWhere<T>,
 * which the compiler cannot work out while T is still a type parameter: code
 * generic over an entity is refused even `{ id }`. These helpers build such
 * objects for any entity, each with the one cast their signature checks.
 */

/** Finds the record with this id. */
export function whereId<T extends { id: string }>(id: string): FindOptionsWhere<T> {
  return { id } as FindOptionsWhere<T>;
}

/** Finds the rows whose `key` column holds one of `values` (`key IN (...)`). */
export function whereIn<T extends ObjectLiteral>(key: keyof T & string, values: readonly string[]): FindOptionsWhere<T> {
  return { [key]: In([...values]) } as FindOptionsWhere<T>;
}

/**
 * Adds "`column` equals `value`, case aside" to a query (look-ups by acronym:
 * "perpusnas" finds "Perpusnas"): both sides folded as text search folds
 * them, with MySQL's LOWER() or, on SQLite, the registered fold. An empty or
 * over-long value is BAD_USER_INPUT naming the argument.
 */
export function whereFoldedEquals<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, column: string, value: string, argument: string, maxLength = 255) {
  const trimmed = value.trim();
  if (!trimmed || trimmed.length > maxLength) {
    throw new BadUserInputError(`"${argument}" must have 1–${maxLength} characters besides spaces.`, { argument });
  }
  const mysql = qb.connection.options.type === "mysql" || qb.connection.options.type === "mariadb";
  const parameter = `${argument}Folded`;
  qb.andWhere(`${mysql ? "LOWER" : SQLITE_FOLD}(${column}) = :${parameter}`, { [parameter]: foldCase(trimmed) });
}
