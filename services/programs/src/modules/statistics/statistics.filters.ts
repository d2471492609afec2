import { Field, ID, InputType, Int } from "type-graphql";
import { ParticipationRole } from "../participation/participation.entity";

@InputType({ description: "The part of the data statistics cover; all of it when omitted." })
export class StatisticsFilter {
  @Field(() => Int, { nullable: true, description: "Only editions whose planned start is in this year or later (for programmes: with such an edition)." })
  yearFrom?: number | null;

  @Field(() => Int, { nullable: true, description: "Only editions whose planned start is in this year or earlier (for programmes: with such an edition)." })
  yearTo?: number | null;

  @Field(() => ID, { nullable: true, description: "Only this programme and its editions." })
  programId?: string | null;

  @Field(() => ID, { nullable: true, description: "Only this edition (for programmes: the programme it belongs to)." })
  editionId?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "A country (ISO 3166-1 alpha-2, any case). Participant and people figures: the participations of people representing it, in any edition. Edition figures: the editions held in it. Programme figures: the programmes with an edition held in it.",
  })
  countryCode?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "An institution. Participant and people figures: the participations it sent (their sending institution). Edition figures: the editions it hosted or of a programme it leads. Programme figures: the programmes it leads or hosted an edition of.",
  })
  institutionId?: string | null;

  @Field(() => [ParticipationRole], {
    nullable: true,
    description:
      "Participant and people figures: only participations in these roles, e.g. [PARTICIPANT] to leave out speakers and organisers. Edition and programme figures are not affected.",
  })
  participationRoles?: ParticipationRole[] | null;
}
