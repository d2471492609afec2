import { assertCountryCode, assertIsoDate, BadUserInputError, createDataSource, foldCase, isIsoDate, SQLITE_FOLD, textProblem } from "@sstc/subgraph-kit";

describe("calendar days", () => {
  it.each(["2023-11-13", "2024-02-29", "2000-02-29", "0001-01-01", "9999-12-31", "2023-04-30"])("accepts %s", (day) => {
    expect(isIsoDate(day)).toBe(true);
    expect(assertIsoDate(day, "day")).toBe(day);
  });

  it.each(["2023-02-31", "2023-04-31", "2023-02-29", "1900-02-29", "0000-01-01", "2023-13-01", "2023-1-01", "2023-01-01T00:00:00Z", " 2023-01-01", ""])(
    "refuses %j in inputs and filters alike",
    (day) => {
      expect(isIsoDate(day)).toBe(false);
      expect(() => assertIsoDate(day, "day")).toThrow(BadUserInputError);
    },
  );
});

describe("country codes", () => {
  it("reads a lookup code in either case as its canonical upper-case form", () => {
    expect(assertCountryCode("lk")).toBe("LK");
    expect(assertCountryCode("LK")).toBe("LK");
  });

  it.each(["L", "LKA", "L1", "ı d", "\u0130D"])("refuses %j", (code) => {
    expect(() => assertCountryCode(code)).toThrow(BadUserInputError);
  });
});

describe("text hygiene", () => {
  it.each(["plain", "tab\tline\nreturn\r", "emoji 📚", "ÇAĞDAŞ", ""])("accepts %j", (text) => {
    expect(textProblem(text)).toBeUndefined();
  });

  it.each(["\ud800", "a\udc00b", "\udc00\ud800", "\u0000", "\u0001", "\u001f", "\u007f", "\u0085", "\u009f", "\u000b", "\u000c"])("refuses %j", (text) => {
    expect(textProblem(text)).toBeDefined();
  });
});

describe("the SQLite fold function", () => {
  const SAMPLES = ["ÇAĞDAŞ", "NẴNG", "n\u0103\u0303ng", "ΒΙΒΛΙΟΘΉΚΗ", "İstanbul", "Straße", "ABC def", "100% Reading_Club"];

  it("computes exactly what the search words are folded with", async () => {
    const ds = createDataSource({ sqlitePath: ":memory:", entities: [], migrations: [] });
    await ds.initialize();
    try {
      for (const sample of SAMPLES) {
        const [row] = await ds.query(`SELECT ${SQLITE_FOLD}(?) AS folded`, [sample]);
        expect(row.folded).toBe(foldCase(sample));
      }
      expect(foldCase("ÇAĞDAŞ")).toBe("çağdaş");
      expect(foldCase("n\u0103\u0303ng")).toBe(foldCase("NẴNG"));
      const [nothing] = await ds.query(`SELECT ${SQLITE_FOLD}(NULL) AS folded`);
      expect(nothing.folded).toBeNull();
    } finally {
      await ds.destroy();
    }
  });
});
