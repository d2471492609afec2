import type { GraphQLFieldResolver } from "graphql";
import type { MiddlewareFn } from "type-graphql";
import { BadUserInputError } from "@sstc/service-kit";

/*
 * Text a client sends is refused, never repaired: a lone UTF-16 surrogate
 * would be replaced on its way into the database (so the stored text differs
 * from what was sent and cursors over it stop matching), a NUL cuts C
 * strings short inside SQLite (a LIKE pattern ending at it matches
 * everything), and other control characters have no place in names and
 * descriptions. Tab, line feed and carriage return stay allowed.
 */

/** C0 controls except tab, LF and CR; DEL; C1 controls. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/** With the `u` flag a surrogate class only matches surrogates that are not part of a pair. */
const LONE_SURROGATE = /\p{Cs}/u;

export const ILL_FORMED_MESSAGE = "must be well-formed Unicode text (it contains a lone UTF-16 surrogate)";
export const CONTROL_MESSAGE = "must not contain control characters other than tab, line feed and carriage return";

/** Why a string may not be stored or searched for, or undefined when it is clean text. */
export function textProblem(value: string): string | undefined {
  if (LONE_SURROGATE.test(value)) return ILL_FORMED_MESSAGE;
  if (CONTROL.test(value)) return CONTROL_MESSAGE;
  return undefined;
}

/** True when a string is well-formed UTF-16 without forbidden control characters. */
export const isCleanText = (value: string) => textProblem(value) === undefined;

/** Every string inside a value (objects, lists, nested inputs) that is not clean text, by its dotted path. */
export function findUncleanText(value: unknown, path: string): Array<{ field: string; messages: string[] }> {
  if (typeof value === "string") {
    const problem = textProblem(value);
    return problem ? [{ field: path, messages: [problem] }] : [];
  }
  if (Array.isArray(value)) return value.flatMap((item, i) => findUncleanText(item, `${path}.${i}`));
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([key, item]) => findUncleanText(item, path ? `${path}.${key}` : key));
  }
  return [];
}

/** Refuses arguments holding ill-formed or control-character text, naming every such field. */
export function assertCleanArguments(args: Record<string, unknown> | null | undefined): void {
  if (!args) return;
  const fields = findUncleanText(args, "");
  if (!fields.length) return;
  throw new BadUserInputError(`Invalid input: ${fields.map((f) => `${f.field} ${f.messages.join("; ")}`).join(". ")}`.slice(0, 1000), {
    argument: fields[0].field,
    fields,
  });
}

/**
 * Global type-graphql middleware: every argument of every field, however
 * deeply nested, is checked after authorisation (which type-graphql runs
 * first) and before input validation and the resolver.
 */
export const RefuseUncleanText: MiddlewareFn = ({ args }, next) => {
  // Synchronous, and nothing to walk for the many fields without arguments: this runs for every field resolved.
  for (const _name in args) {
    assertCleanArguments(args);
    break;
  }
  return next();
};

/** Wraps a plain GraphQL resolver (such as `_entities`) with the same argument check. */
export function withCleanArguments<S, C>(resolve: GraphQLFieldResolver<S, C>): GraphQLFieldResolver<S, C> {
  return (source, args, context, info) => {
    assertCleanArguments(args);
    return resolve(source, args, context, info);
  };
}

/**
 * The case folding text search uses on both sides of a comparison:
 * canonical composition (so a precomposed and a decomposed "ẵ" agree) and
 * Unicode lower case (so "ÇAĞDAŞ" and "çağdaş" agree). On SQLite the same
 * function is registered as {@link SQLITE_FOLD}, because SQLite's own
 * LOWER() and LIKE fold ASCII letters only.
 */
export const foldCase = (value: string) => value.normalize("NFC").toLowerCase();

/** Name of the SQLite function computing {@link foldCase}. */
export const SQLITE_FOLD = "sstc_fold";
