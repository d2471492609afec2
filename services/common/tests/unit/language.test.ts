import { Language, pick, pageSize, BadUserInputError, MAX_PAGE_SIZE, assertId, assertCountryCode } from "@sstc/common";

describe("bilingual text", () => {
  it("returns the asked language and falls back to the other", () => {
    expect(pick(Language.ID, "Library", "Perpustakaan")).toBe("Perpustakaan");
    expect(pick(Language.EN, "Library", "Perpustakaan")).toBe("Library");
    expect(pick(Language.ID, "Library", null)).toBe("Library");
    expect(pick(Language.EN, null, "Perpustakaan")).toBe("Perpustakaan");
    expect(pick(Language.EN, null, null)).toBeNull();
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
