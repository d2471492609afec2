import { GraphQLScalarType, Kind, print } from "graphql";
import { GraphQLDateTimeISO, GraphQLLocalDate } from "graphql-scalars";
import { InvalidValueError } from "@sstc/service-kit";
import { DATE_MESSAGE, isIsoDate } from "./validation";

type ValueNode = Parameters<GraphQLScalarType["parseLiteral"]>[0];

/**
 * Refuses a value that is not a calendar day as bad user input. A variable's
 * refusal is prefixed by graphql-js with the variable, the value and its path;
 * a literal's (`node`) names the value itself and points at it.
 */
function refuseDate(node?: ValueNode): never {
  throw new InvalidValueError(`A Date ${DATE_MESSAGE}${node ? `; got ${print(node)}` : ""}.`, node);
}

/** graphql-scalars' LocalDate checks the form and the day; the graph's own rule adds the years a SQL DATE column holds (0001–9999). */
function parseDate(value: unknown, node?: ValueNode): string {
  try {
    GraphQLLocalDate.parseValue(value);
  } catch {
    return refuseDate(node);
  }
  return isIsoDate(value) ? value : refuseDate(node);
}

/**
 * A calendar day (no time, no zone): graphql-scalars' LocalDate under the
 * name `Date`, with the graph's message. Strings in and out, as the SQL
 * DATE columns hold them. A value that is not a real day is refused with
 * BAD_USER_INPUT before any resolver runs (see maskUnexpectedErrors for
 * one written in the document).
 */
export const DateScalar = new GraphQLScalarType<string, string>({
  ...GraphQLLocalDate.toConfig(),
  name: "Date",
  description: "A calendar day written YYYY-MM-DD (ISO 8601, RFC 3339 full-date), such as 2023-11-13: no time of day and no time zone.",
  specifiedByURL: "https://scalars.graphql.org/andimarek/local-date.html",
  serialize: (value) => GraphQLLocalDate.serialize(value) as string,
  parseValue: (value) => parseDate(value),
  parseLiteral: (node) => (node.kind === Kind.STRING ? parseDate(node.value, node) : refuseDate(node)),
});

/** graphql-scalars' DateTimeISO (type-graphql's scalar for JavaScript Dates), saying which format it follows. */
export const DateTimeIsoScalar = new GraphQLScalarType({
  ...GraphQLDateTimeISO.toConfig(),
  description: "An instant in UTC written as an RFC 3339 date-time (ISO 8601), such as 2023-11-13T08:30:00.000Z.",
  specifiedByURL: "https://datatracker.ietf.org/doc/html/rfc3339#section-5.6",
});

/** The scalars every subgraph maps in type-graphql's buildSchema. */
export const SCALARS_MAP = [{ type: Date, scalar: DateTimeIsoScalar }];
