import {
  getNamedType,
  GraphQLEnumType,
  GraphQLInputObjectType,
  isEnumType,
  isListType,
  isNonNullType,
  type GraphQLInputField,
  type GraphQLInputType,
  type GraphQLSchema,
} from "graphql";

/** A query string as express parses it (node's querystring): a repeated parameter is a list. */
export type QueryString = Record<string, string | string[] | undefined>;

/** A query-string parameter the export cannot use; answered with 400 and BAD_USER_INPUT. */
export class ParameterError extends Error {}

/** What an export takes from the query string besides its filter. */
export interface ExportParameters {
  filter: Record<string, unknown>;
  /** The Language of the texts (titles, names), when asked for. */
  lang?: string;
  /** The list order, for exports of lists: `{ field, direction, lang }`. */
  orderBy?: Record<string, string>;
}

/** The language of texts, the same parameter for every export. */
const LANG = "lang";
/** The order of a list export: `orderBy` names a field of the order input, `direction` is ASC or DESC. */
const ORDER_BY = "orderBy";
const DIRECTION = "direction";

/**
 * Reads an export's parameters from the query string, taking the filter's
 * names and types from the schema's input type (`filterType`), so that the
 * export filters exactly as the graph's query does and follows it when the
 * filter grows. Each filter field is a parameter of its own name; a list is
 * given as a comma list or by repeating the parameter. Ints, booleans and
 * enum values are checked here, so that a mistake is named by its parameter;
 * everything else (dates, country codes, ids) the graph checks as it does
 * for any client. Throws a ParameterError naming the first problem.
 */
export function readParameters(schema: GraphQLSchema, query: QueryString, filterType: string, orderType?: string): ExportParameters {
  const filterFields = inputFields(schema, filterType);
  const order = orderType ? inputFields(schema, orderType) : undefined;
  const known = [...filterFields.keys(), LANG, ...(order ? [ORDER_BY, DIRECTION] : [])];
  const result: ExportParameters = { filter: {} };
  for (const [name, raw] of Object.entries(query)) {
    if (raw === undefined) continue;
    const field = filterFields.get(name);
    if (field) {
      result.filter[name] = coerce(name, field.type, raw);
    } else if (name === LANG) {
      result.lang = enumValue(name, schema.getType("Language"), single(name, raw));
    } else if (order && (name === ORDER_BY || name === DIRECTION)) {
      result.orderBy ??= {};
      result.orderBy[name === ORDER_BY ? "field" : "direction"] = enumValue(
        name,
        order.get(name === ORDER_BY ? "field" : "direction")?.type,
        single(name, raw),
      );
    } else {
      throw new ParameterError(`Unknown parameter "${name}"; this export takes ${known.map((k) => `"${k}"`).join(", ")}.`);
    }
  }
  // The order's language is the language asked for, so that titles are sorted as they are written out.
  if (order && result.lang) result.orderBy = { ...result.orderBy, lang: result.lang };
  return result;
}

/** The visible fields of an input object type (those the API schema has: not @inaccessible). */
function inputFields(schema: GraphQLSchema, typeName: string): Map<string, GraphQLInputField> {
  const type = schema.getType(typeName);
  if (!(type instanceof GraphQLInputObjectType)) throw new Error(`the schema has no input type ${typeName}`);
  const visible = Object.values(type.getFields()).filter((f) => !f.astNode?.directives?.some((d) => d.name.value === "inaccessible"));
  return new Map(visible.map((f) => [f.name, f]));
}

function single(name: string, raw: string | string[]): string {
  if (Array.isArray(raw)) throw new ParameterError(`Parameter "${name}" is given more than once; it takes one value.`);
  if (raw.trim() === "") throw new ParameterError(`Parameter "${name}" has no value.`);
  return raw.trim();
}

function coerce(name: string, type: GraphQLInputType, raw: string | string[]): unknown {
  const nullable = isNonNullType(type) ? type.ofType : type;
  if (isListType(nullable)) {
    const values = (Array.isArray(raw) ? raw : [raw]).flatMap((v) => v.split(",")).map((v) => v.trim());
    if (values.some((v) => v === "")) throw new ParameterError(`Parameter "${name}" has an empty item; give a comma list of values.`);
    return values.map((value) => scalar(name, nullable.ofType as GraphQLInputType, value));
  }
  return scalar(name, nullable, single(name, raw));
}

function scalar(name: string, type: GraphQLInputType, value: string): unknown {
  const named = getNamedType(type);
  if (isEnumType(named)) return enumValue(name, named, value);
  switch (named.name) {
    case "Int":
      if (!/^-?\d{1,10}$/.test(value) || !Number.isSafeInteger(Number(value)) || Math.abs(Number(value)) > 2 ** 31 - 1)
        throw new ParameterError(`Parameter "${name}" must be a whole number, not ${JSON.stringify(value)}.`);
      return Number(value);
    case "Float":
      if (!/^-?\d+(\.\d+)?$/.test(value)) throw new ParameterError(`Parameter "${name}" must be a number, not ${JSON.stringify(value)}.`);
      return Number(value);
    case "Boolean":
      if (value !== "true" && value !== "false") throw new ParameterError(`Parameter "${name}" must be true or false, not ${JSON.stringify(value)}.`);
      return value === "true";
    default:
      // IDs, strings and custom scalars (Date): the graph parses them as it parses any variable.
      return value;
  }
}

function enumValue(name: string, type: unknown, value: string): string {
  const named = type ? getNamedType(type as GraphQLInputType) : undefined;
  if (!(named instanceof GraphQLEnumType)) throw new Error(`parameter ${name} has no enum type`);
  const values = named.getValues().filter((v) => !v.astNode?.directives?.some((d) => d.name.value === "inaccessible"));
  if (!values.some((v) => v.name === value))
    throw new ParameterError(`Parameter "${name}" must be one of ${values.map((v) => v.name).join(", ")}, not ${JSON.stringify(value)}.`);
  return value;
}
