import { DateScalar } from "@sstc/subgraph-kit";
import { Field, ID, InputType, Int } from "type-graphql";
import { CooperationModality } from "../program/program.enums";
import { PartnershipRole } from "@sstc/vocabularies";
import { CountryInvolvement } from "./country-involvement";
import type { SharedFilterInput } from "./filter-fields";

/**
 * The filter fields programmes and editions share. Conditions on editions
 * (host, country, dates) apply to one and the same edition: for
 * programmes, "has an edition that meets all of them".
 */
@InputType()
export abstract class SharedFilter implements SharedFilterInput {
  @Field(() => CooperationModality, { nullable: true, description: "Only programmes of this cooperation modality (for editions: of such a programme)." })
  modality?: CooperationModality | null;

  @Field(() => Int, {
    nullable: true,
    description: "Only programmes aligned with this Sustainable Development Goal, 1–17 (for editions: of such a programme).",
  })
  sdgGoal?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only programmes aligned with this SDG target, e.g. "4.6" or "6.b" (for editions: of such a programme).',
  })
  sdgTarget?: string | null;

  @Field(() => ID, { nullable: true, description: "Only programmes led by this institution (for editions: of such a programme)." })
  leadInstitutionId?: string | null;

  @Field(() => ID, { nullable: true, description: "Only programmes this diplomacy partner takes part in (for editions: of such a programme)." })
  partnerId?: string | null;

  @Field(() => PartnershipRole, { nullable: true, description: "With `partnerId`: only where the partner has this role." })
  partnerRole?: PartnershipRole | null;

  @Field(() => ID, { nullable: true, description: "Only editions hosted by this institution (for programmes: with such an edition)." })
  hostInstitutionId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Only editions involving this country (ISO 3166-1 alpha-2), as `countryInvolvement` says (for programmes: with such an edition).",
  })
  countryCode?: string | null;

  @Field(() => CountryInvolvement, { nullable: true, description: "With `countryCode`: host, participating, or either (the default)." })
  countryInvolvement?: CountryInvolvement | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "Only editions whose planned start falls in this year (for programmes: with such an edition). Not together with `startDateFrom`/`startDateTo`.",
  })
  year?: number | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: "Only editions whose planned start is on or after this day (for programmes: with such an edition).",
  })
  startDateFrom?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: "Only editions whose planned start is on or before this day (for programmes: with such an edition).",
  })
  startDateTo?: string | null;
}
