import { assignSlugs, isSlug, slugOf, SLUG_MAX_LENGTH } from "../../src/slugs";

describe("slugs", () => {
  it.each([
    ["Perpusnas", "perpusnas"],
    ["Colombo Plan", "colombo-plan"],
    ["Dit. Sosbud & OINB", "dit-sosbud-and-oinb"],
    ["  Bibliothèque   Numérique ", "bibliotheque-numerique"],
    ["ÇAĞDAŞ kütüphane", "cagdas-kutuphane"],
    ["日本", ""],
    [null, ""],
  ])("makes %j into %j", (text, slug) => {
    expect(slugOf(text)).toBe(slug);
    if (slug) expect(isSlug(slug)).toBe(true);
  });

  it("cuts a long name at a word boundary within the limit", () => {
    const slug = slugOf("Directorate of Social Culture and International Organizations for Developing Countries, Ministry of Foreign Affairs");
    expect(slug.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH);
    expect(isSlug(slug)).toBe(true);
    expect(slug).toBe("directorate-of-social-culture-and-international-organizations-for-developing");
  });

  it.each(["Perpusnas", "-a", "a-", "a--b", "a b", "á", "", "a".repeat(SLUG_MAX_LENGTH + 1), 7])("refuses %j", (value) => {
    expect(isSlug(value)).toBe(false);
  });

  it("assigns the first free candidate, else the first numbered, unique among all rows", () => {
    const slugs = assignSlugs(
      [
        { id: "1", candidates: ["Perpusnas", "National Library"] },
        { id: "2", candidates: ["PERPUSNAS", "National Library"] },
        { id: "3", candidates: ["perpusnas", "National Library"] },
        { id: "4", candidates: [null, "日本"] },
        { id: "5", candidates: [] },
      ],
      "institution",
    );
    expect([...slugs.values()]).toEqual(["perpusnas", "national-library", "perpusnas-2", "institution", "institution-2"]);
  });
});
