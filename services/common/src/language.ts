import { registerEnumType } from "type-graphql";

/** The languages every human-readable text of the graph exists in. */
export enum Language {
  EN = "EN",
  ID = "ID",
}
registerEnumType(Language, {
  name: "Language",
  description: "Language of human-readable text.",
  valuesConfig: { EN: { description: "English." }, ID: { description: "Bahasa Indonesia." } },
});

/** Picks the text in `lang`, falling back to the other language when it is missing. */
export function pick(lang: Language, en: string | null | undefined, id: string | null | undefined): string | null {
  const preferred = lang === Language.ID ? id : en;
  return preferred ?? (lang === Language.ID ? en : id) ?? null;
}

/** Options of the `lang` argument on every bilingual text field. */
export const langArg = {
  defaultValue: Language.EN,
  description: "Language of the text; falls back to the other language when missing.",
} as const;
