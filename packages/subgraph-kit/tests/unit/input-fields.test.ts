import "reflect-metadata";
import { Length, validate } from "class-validator";
import { inputFields } from "../../src/input-fields";

/*
 * One definition per input field: the create and update variants derived
 * from it keep "absent or valid" — an update may leave a field out, never
 * null a required one, and null clears only a clearable field. Validated
 * the way type-graphql validates arguments (skipMissingProperties).
 */
const fields = inputFields({
  title: { type: () => String, description: "Title.", create: "required", checks: [Length(2, 10)] },
  sequence: { type: () => Number, description: "Position.", create: "omittable" },
  note: { type: () => String, description: "Note.", create: "clearable", checks: [Length(1, 10)] },
});

class CreateThing {
  @fields.title.create title: string;
  @fields.sequence.create sequence?: number;
  @fields.note.create note?: string | null;
}

class UpdateThing {
  @fields.title.update title?: string;
  @fields.sequence.update sequence?: number;
  @fields.note.update note?: string | null;
}

async function refused(type: new () => object, value: Record<string, unknown>): Promise<string[]> {
  const errors = await validate(Object.assign(new type(), value), { skipMissingProperties: true, forbidUnknownValues: false });
  return errors.map((e) => e.property).sort();
}

describe("inputFields", () => {
  it("lets an update leave every field out", async () => {
    expect(await refused(UpdateThing, {})).toEqual([]);
  });

  it("refuses null on an update for a field that may not be empty, and lets null clear a clearable one", async () => {
    expect(await refused(UpdateThing, { title: null, sequence: null, note: null })).toEqual(["sequence", "title"]);
  });

  // A required field's presence is GraphQL's to enforce (String! in the create input); the checks run on both variants.
  it("runs a field's checks on both variants", async () => {
    expect(await refused(CreateThing, { title: "x" })).toEqual(["title"]);
    expect(await refused(UpdateThing, { title: "x" })).toEqual(["title"]);
    expect(await refused(CreateThing, { title: "Fine", note: "" })).toEqual(["note"]);
    expect(await refused(CreateThing, { title: "Fine", sequence: 3, note: "ok" })).toEqual([]);
  });
});
