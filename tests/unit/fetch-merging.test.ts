import { parse } from "graphql";
import { mergeFetches } from "@sstc/gateway";

/* Merging parallel subgraph reads into one operation, and cutting the answer back into each read's own. */

const ENTITIES = `query P__institutions__1($representations: [_Any!]!) { _entities(representations: $representations) { ... on Institution { name ...F } } }
fragment F on Institution { acronym }`;
const COUNTRIES = `query P__institutions__2($representations: [_Any!]!, $lang: Language) { _entities(representations: $representations) { ... on Country { name(lang: $lang) ...F } } }
fragment F on Country { code }`;

describe("mergeFetches", () => {
  const merged = mergeFetches([
    { query: ENTITIES, operationName: "P__institutions__1", variables: { representations: [{ __typename: "Institution", id: "i1" }] } },
    { query: COUNTRIES, operationName: "P__institutions__2", variables: { representations: [{ __typename: "Country", code: "LK" }], lang: "ID" } },
  ])!;

  it("gives each read's variables, fragments and fields a prefix of its own, in one valid query", () => {
    expect(merged).not.toBeNull();
    expect(() => parse(merged.query)).not.toThrow();
    expect(merged.query).toContain("_0__entities: _entities(representations: $_0_representations)");
    expect(merged.query).toContain("_1__entities: _entities(representations: $_1_representations)");
    expect(merged.query).toContain("name(lang: $_1_lang)");
    expect(merged.query).toContain("fragment _0_F on Institution");
    expect(merged.query).toContain("fragment _1_F on Country");
    expect(merged.variables).toEqual({
      _0_representations: [{ __typename: "Institution", id: "i1" }],
      _1_representations: [{ __typename: "Country", code: "LK" }],
      _1_lang: "ID",
    });
  });

  it("cuts the answer into each read's own: its data, its errors at its own paths, and errors of the whole operation for all", () => {
    const parts = merged.split({
      data: { _0__entities: [{ name: "Perpusnas", acronym: "PNRI" }], _1__entities: [null] },
      errors: [
        { message: "gone", path: ["_1__entities", 0], extensions: { code: "NOT_FOUND" } },
        { message: "slow database", extensions: { code: "SERVICE_UNAVAILABLE" } },
      ],
    });
    expect(parts).toEqual([
      { data: { _entities: [{ name: "Perpusnas", acronym: "PNRI" }] }, errors: [{ message: "slow database", extensions: { code: "SERVICE_UNAVAILABLE" } }] },
      {
        data: { _entities: [null] },
        errors: [
          { message: "gone", path: ["_entities", 0], extensions: { code: "NOT_FOUND" } },
          { message: "slow database", extensions: { code: "SERVICE_UNAVAILABLE" } },
        ],
      },
    ]);
    expect(merged.split({ data: null, errors: [{ message: "refused" }] })).toEqual([
      { data: null, errors: [{ message: "refused" }] },
      { data: null, errors: [{ message: "refused" }] },
    ]);
    expect(merged.split(undefined)).toEqual([undefined, undefined]);
  });

  it("keeps names a client chose apart, even ones that look like its prefixes", () => {
    const m = mergeFetches([
      { query: `query A($_1_x: Int) { a: f(x: $_1_x) }`, variables: { _1_x: 1 } },
      { query: `query B($x: Int) { _0_a: f(x: $x) }`, variables: { x: 2 } },
    ])!;
    expect(m.variables).toEqual({ _0__1_x: 1, _1_x: 2 });
    expect(m.split({ data: { _0_a: "one", _1__0_a: "two" } })).toEqual([{ data: { a: "one" } }, { data: { _0_a: "two" } }]);
  });

  it("refuses what it cannot merge: a mutation, a fragment at the root, extensions", () => {
    expect(mergeFetches([{ query: `mutation { a }` }, { query: `{ b }` }])).toBeNull();
    expect(mergeFetches([{ query: `{ ...F } fragment F on Query { a }` }, { query: `{ b }` }])).toBeNull();
    expect(mergeFetches([{ query: `{ a }`, extensions: { x: 1 } }, { query: `{ b }` }])).toBeNull();
    expect(mergeFetches([{ query: `{ a` }, { query: `{ b }` }])).toBeNull();
  });
});
