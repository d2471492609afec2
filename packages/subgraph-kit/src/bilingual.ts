import { Arg, Authorized, Ctx, Directive, Field, ObjectType } from "type-graphql";
import { Language } from "./language";
import { type Role } from "@sstc/service-kit";

/** A text in the language asked for, or — when it has no translation — in the other one, saying so. */
@Directive("@shareable")
@ObjectType({ description: "A human-readable text with the language it is actually in." })
export class LocalizedText {
  @Field(() => String, { nullable: true, description: "The text; null when it exists in neither language." })
  text: string | null;

  @Field(() => Language, { nullable: true, description: "The language of `text`." })
  language: Language | null;

  @Field(() => Language, { description: "The language that was asked for (argument, else the request's Accept-Language, else EN)." })
  requested: Language;

  @Field({ description: "True when `text` is in the other language because the asked one is missing." })
  fallback: boolean;
}

const other = (lang: Language) => (lang === Language.ID ? Language.EN : Language.ID);
const present = (s: string | null | undefined): s is string => typeof s === "string" && s.trim() !== "";

/** Picks `requested`'s text, else the other language's, and says which it served. */
export function localize(requested: Language, en: string | null | undefined, id: string | null | undefined): LocalizedText {
  const texts = { [Language.EN]: en, [Language.ID]: id };
  if (present(texts[requested])) return { text: texts[requested]!, language: requested, requested, fallback: false };
  const alternative = other(requested);
  if (present(texts[alternative])) return { text: texts[alternative]!, language: alternative, requested, fallback: true };
  return { text: null, language: null, requested, fallback: false };
}

/**
 * The request's preferred language from an Accept-Language header: the
 * first of `id` (or the old `in`) and `en` by quality; English otherwise.
 */
export function languageFromHeader(header: string | undefined | null): Language {
  if (!header) return Language.EN;
  const ranked = header
    .split(",")
    .map((part, order) => {
      const [tag, ...params] = part.trim().toLowerCase().split(";");
      const q = Number(params.find((p) => p.trim().startsWith("q="))?.split("=")[1] ?? 1);
      return { primary: tag.split("-")[0], q: Number.isFinite(q) ? q : 0, order };
    })
    .filter((t) => t.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order);
  for (const { primary } of ranked) {
    if (primary === "id" || primary === "in") return Language.ID;
    if (primary === "en") return Language.EN;
  }
  return Language.EN;
}

export interface BilingualField {
  /** GraphQL field name, e.g. `title`; `titleText` is added beside it. */
  name: string;
  /** Properties holding the English and the Indonesian text. */
  en: string;
  id: string;
  description: string;
  nullable?: boolean;
  /** Minimum role to read it, when it is not public. */
  role?: Role;
}

const LANG_ARG = {
  nullable: true,
  description: "Language wanted; defaults to the request's Accept-Language (en or id), else English. A missing translation falls back to the other language.",
} as const;

/** What `@Field` takes as a field's GraphQL type (type-graphql does not export its name, ReturnTypeFunc). */
type FieldType = NonNullable<Parameters<typeof Field>[0]>;

function defineField(
  prototype: object,
  name: string,
  type: FieldType,
  options: { nullable: boolean; description: string; role?: Role },
  body: (row: Record<string, unknown>, lang: Language) => unknown,
) {
  const method = function (this: Record<string, unknown>, lang: Language | null | undefined, ctx: { language?: Language }) {
    return body(this, lang ?? ctx?.language ?? Language.EN);
  };
  Object.defineProperty(prototype, name, { value: method, writable: true, configurable: true });
  // type-graphql reads parameter and return types from design metadata, which only the compiler writes.
  Reflect.defineMetadata("design:paramtypes", [Object, Object], prototype, name);
  Reflect.defineMetadata("design:returntype", Object, prototype, name);
  const descriptor = Object.getOwnPropertyDescriptor(prototype, name)!;
  Arg("lang", () => Language, LANG_ARG)(prototype, name, 0);
  Ctx()(prototype, name, 1);
  if (options.role) Authorized(options.role)(prototype, name, descriptor);
  Field(type, { nullable: options.nullable, description: options.description })(prototype, name, descriptor);
}

/**
 * Adds bilingual fields to an entity class: for each, `name(lang)` (the
 * text) and `nameText(lang)` (a LocalizedText that also says which language
 * was served and whether it is a fallback).
 */
export function Bilingual(fields: BilingualField[]): ClassDecorator {
  return (target) => {
    for (const f of fields) {
      const get = (row: Record<string, unknown>, lang: Language) => localize(lang, row[f.en] as string | null, row[f.id] as string | null);
      defineField(
        target.prototype,
        f.name,
        () => String,
        { nullable: f.nullable ?? false, description: f.description, role: f.role },
        (row, lang) => get(row, lang).text,
      );
      defineField(
        target.prototype,
        `${f.name}Text`,
        () => LocalizedText,
        { nullable: false, description: `${f.description} With the language served, for showing a fallback as such.`, role: f.role },
        get,
      );
    }
  };
}
