import { IsOptional } from "class-validator";
import { Field } from "type-graphql";
import { Omittable } from "./validation";

/**
 * One definition per mutation input field, from which both the create and
 * the update variant are derived, so that a check added to a field can never
 * reach one variant and miss the other.
 */

type TypeFunc = NonNullable<Parameters<typeof Field>[0]>;

/**
 * How a field may be given:
 * - `required`: must be given and not null (NOT NULL column, no default);
 * - `omittable`: may be left out, but never null (NOT NULL column that keeps
 *   its value or default);
 * - `clearable`: may be left out, and null clears it (nullable column).
 */
export type Presence = "required" | "omittable" | "clearable";

/** The definition of one input field shared by its create and update inputs. */
export interface InputFieldSpec {
  /** GraphQL type, always explicit: a nullable property reflects as Object. */
  type: TypeFunc;
  /** The schema description, or one per variant where they read differently. */
  description: string | { create: string; update: string };
  /** Presence when creating. */
  create: Presence;
  /** Presence when updating; by default `clearable` stays `clearable` and anything else becomes `omittable`. */
  update?: Exclude<Presence, "required">;
  /** Value checks (class-validator decorators), run only when a value is given unless the field is required. */
  checks?: PropertyDecorator[];
}

/** The two decorators derived from one {@link InputFieldSpec}: one for the create input, one for the update input. */
export interface InputField {
  create: PropertyDecorator;
  update: PropertyDecorator;
}

const decorate = (type: TypeFunc, description: string, presence: Presence, checks: PropertyDecorator[]): PropertyDecorator => {
  const given = presence === "omittable" ? Omittable() : presence === "clearable" ? IsOptional() : undefined;
  const field = Field(type, presence === "required" ? { description } : { nullable: true, description });
  // Applied in the order a hand-written `@Field @Presence @Check…` stack would be (bottom up), so validation messages keep their order.
  const stack: PropertyDecorator[] = [field, ...(given ? [given] : []), ...checks];
  return (target, property) => {
    for (const decorator of [...stack].reverse()) decorator(target, property);
  };
};

/** Derives the create and update decorators of one input field from its single definition. */
export function inputField(spec: InputFieldSpec): InputField {
  const checks = spec.checks ?? [];
  const described = typeof spec.description === "string" ? { create: spec.description, update: spec.description } : spec.description;
  const update = spec.update ?? (spec.create === "clearable" ? "clearable" : "omittable");
  return {
    create: decorate(spec.type, described.create, spec.create, checks),
    update: decorate(spec.type, described.update, update, checks),
  };
}

/** Derives the decorators of a set of input fields, keyed as the inputs' properties are. */
export function inputFields<K extends string>(specs: Record<K, InputFieldSpec>): Record<K, InputField> {
  const fields = {} as Record<K, InputField>;
  for (const key of Object.keys(specs) as K[]) fields[key] = inputField(specs[key]);
  return fields;
}
