import { In, type FindOptionsWhere, type ObjectLiteral } from "typeorm";

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
