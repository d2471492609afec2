import type { ObjectLiteral, SelectQueryBuilder } from "typeorm";

/**
 * SQL conditions collected for one query, with their parameters. Values
 * only ever travel as named parameters; the clause text is built from
 * fixed column names. A builder and the ones nested in it (subqueries)
 * share one parameter set and numbering, so names never collide.
 */
export class SqlConditions {
  readonly clauses: string[] = [];

  constructor(
    readonly parameters: Record<string, unknown> = {},
    private readonly counter = { n: 0 },
    private readonly prefix = "f",
  ) {}

  /** A placeholder bound to `value`. */
  param(value: unknown): string {
    const name = `${this.prefix}${this.counter.n++}`;
    this.parameters[name] = value;
    return `:${name}`;
  }

  /** A placeholder for a non-empty list, for `IN (...)`. */
  list(values: readonly unknown[]): string {
    const name = `${this.prefix}${this.counter.n++}`;
    this.parameters[name] = [...values];
    return `(:...${name})`;
  }

  add(clause: string): this {
    this.clauses.push(clause);
    return this;
  }

  /** A builder for a nested subquery that shares this one's parameters. */
  nested(): SqlConditions {
    return new SqlConditions(this.parameters, this.counter, this.prefix);
  }

  get empty(): boolean {
    return this.clauses.length === 0;
  }

  /** The clauses joined with AND (`1 = 1` when there are none). */
  sql(): string {
    return this.clauses.length ? this.clauses.map((c) => `(${c})`).join(" AND ") : "1 = 1";
  }

  /** Adds every clause to a query builder. */
  applyTo<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
    if (this.clauses.length) qb.andWhere(this.sql(), this.parameters);
    return qb;
  }
}
