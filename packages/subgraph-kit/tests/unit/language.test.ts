import { Language, languageFromHeader, localize, pageSize, BadUserInputError, MAX_PAGE_SIZE, assertId, assertCountryCode } from "@sstc/subgraph-kit";

describe("bilingual text", () => {
  it("returns the asked language, or the other one marked as a fallback", () => {
    expect(localize(Language.ID, "Library", "Perpustakaan")).toEqual({ text: "Perpustakaan", language: "ID", requested: "ID", fallback: false });
    expect(localize(Language.EN, "Library", "Perpustakaan")).toEqual({ text: "Library", language: "EN", requested: "EN", fallback: false });
    expect(localize(Language.ID, "Library", null)).toEqual({ text: "Library", language: "EN", requested: "ID", fallback: true });
    expect(localize(Language.ID, "Library", "  ")).toMatchObject({ text: "Library", fallback: true });
    expect(localize(Language.EN, null, "Perpustakaan")).toEqual({ text: "Perpustakaan", language: "ID", requested: "EN", fallback: true });
    expect(localize(Language.EN, null, null)).toEqual({ text: null, language: null, requested: "EN", fallback: false });
  });

  it("reads the preferred language from Accept-Language", () => {
    expect(languageFromHeader(undefined)).toBe("EN");
    expect(languageFromHeader("id-ID,id;q=0.9,en;q=0.8")).toBe("ID");
    expect(languageFromHeader("en-GB,en;q=0.9,id;q=0.8")).toBe("EN");
    expect(languageFromHeader("fr-FR,id;q=0.5,en;q=0.4")).toBe("ID");
    expect(languageFromHeader("en;q=0.2, id;q=0.7")).toBe("ID");
    expect(languageFromHeader("in")).toBe("ID");
    expect(languageFromHeader("de, fr")).toBe("EN");
    expect(languageFromHeader("id;q=0, en")).toBe("EN");
  });
});

describe("argument checks", () => {
  it("bounds page sizes", () => {
    expect(pageSize({})).toBe(20);
    expect(pageSize({ first: MAX_PAGE_SIZE })).toBe(MAX_PAGE_SIZE);
    expect(() => pageSize({ first: MAX_PAGE_SIZE + 1 })).toThrow(BadUserInputError);
    expect(() => pageSize({ first: 0 })).toThrow(BadUserInputError);
  });

  it("normalises ids and country codes and refuses malformed ones", () => {
    expect(assertId("00000000-0000-4000-8000-00010000000A")).toBe("00000000-0000-4000-8000-00010000000a");
    expect(() => assertId("1 OR 1=1")).toThrow(BadUserInputError);
    expect(assertCountryCode("lk")).toBe("LK");
    expect(() => assertCountryCode("LKA")).toThrow(BadUserInputError);
  });
});
