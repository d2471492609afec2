import { IsUUID, Length } from "class-validator";
import { Field, ID, InputType } from "type-graphql";
import { inputFields } from "@sstc/subgraph-kit";
import { ActivityRole } from "./testimony.entity";

const fields = inputFields({
  activityId: { type: () => ID, description: "The activity (you must be allowed to edit its edition).", create: "required", checks: [IsUUID()] },
  personId: { type: () => ID, description: "The person (from the institutions subgraph).", create: "required", checks: [IsUUID()] },
  role: { type: () => ActivityRole, description: "The part they took.", create: "required" },
  textEn: { type: () => String, description: "What was said, in English.", create: "required", checks: [Length(2, 5000)] },
  textId: { type: () => String, description: "What was said, in Bahasa Indonesia.", create: "clearable", checks: [Length(2, 5000)] },
  sourceId: { type: () => ID, description: "The source that reports it.", create: "required", checks: [IsUUID()] },
  locator: { type: () => String, description: "Where in the source, e.g. “paragraph 4”.", create: "clearable", checks: [Length(1, 120)] },
});

@InputType({ description: "A person's part in an activity." })
export class AddActivityPersonInput {
  @fields.activityId.create activityId: string;
  @fields.personId.create personId: string;
  @fields.role.create role: ActivityRole;
}

@InputType({ description: "Something a person said at an activity, as a source reports it." })
export class CreateStatementInput {
  @fields.activityId.create activityId: string;
  @fields.personId.create personId: string;
  @fields.textEn.create textEn: string;
  @fields.textId.create textId?: string | null;
  @Field({ defaultValue: true, description: "True for the speaker's words as quoted (the default); false for a report of what they said." })
  verbatim: boolean;
  @fields.sourceId.create sourceId: string;
  @fields.locator.create locator?: string | null;
}
