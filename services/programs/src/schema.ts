import { auditTrailResolver, buildFederatedSchema, historyResolver, provenanceResolver } from "@sstc/subgraph-kit";
import { Source } from "./modules/source/source.entity";
import { ProgramRelation } from "./modules/relation/relation.entity";
import { ActivityPerson, Statement } from "./modules/testimony/testimony.entity";
import { ActivityPersonResolver, ActivityTestimony, StatementResolver } from "./modules/testimony/testimony.resolver";
import { TestimonyMutations } from "./modules/testimony/testimony.mutations";
import { ProgramRelationMutations } from "./modules/relation/relation.mutations";
import { ProgramRelationResolver, ProgramRelationsOfProgram } from "./modules/relation/relation.resolver";
import { SourceResolver, sourceReference, sourcesById } from "./modules/source/source.resolver";
import { Edition } from "./modules/edition/edition.entity";
import { EditionMutations } from "./modules/edition/edition.mutations";
import { Program } from "./modules/program/program.entity";
import { ProgramMutations } from "./modules/program/program.mutations";
import { Activity } from "./modules/activity/activity.entity";
import { ActivityMutations } from "./modules/activity/activity.mutations";
import { Participation } from "./modules/participation/participation.entity";
import { ParticipationMutations } from "./modules/participation/participation.mutations";
import { Commitment } from "./modules/commitment/commitment.entity";
import { CommitmentMutations } from "./modules/commitment/commitment.mutations";
import { ProgramResolver, programReference } from "./modules/program/program.resolver";
import { EditionResolver, editionReference } from "./modules/edition/edition.resolver";
import { ActivityResolver } from "./modules/activity/activity.resolver";
import { ParticipationResolver } from "./modules/participation/participation.resolver";
import { CommitmentResolver } from "./modules/commitment/commitment.resolver";
import { CountryRefResolver, InstitutionRefResolver } from "./modules/external/external.resolver";
import { AdministrativeAreaRef, PersonRef } from "./modules/external/external.entity";
import { StatisticsResolver } from "./modules/statistics/statistics.resolver";
import { IatiResolver } from "./modules/iati/iati.resolver";

/** The programs subgraph schema; the server, tests and composer all call this. */
export function buildProgramsSchema() {
  return buildFederatedSchema(
    {
      resolvers: [
        ProgramResolver,
        EditionResolver,
        ActivityResolver,
        ParticipationResolver,
        CommitmentResolver,
        InstitutionRefResolver,
        CountryRefResolver,
        StatisticsResolver,
        IatiResolver,
        ProgramMutations,
        EditionMutations,
        ActivityMutations,
        ParticipationMutations,
        CommitmentMutations,
        historyResolver(Program),
        historyResolver(Edition),
        historyResolver(Activity),
        historyResolver(Participation),
        historyResolver(Commitment),
        ProgramRelationResolver,
        ActivityTestimony,
        ActivityPersonResolver,
        StatementResolver,
        TestimonyMutations,
        historyResolver(ActivityPerson),
        historyResolver(Statement),
        ProgramRelationsOfProgram,
        ProgramRelationMutations,
        historyResolver(ProgramRelation),
        ...[Program, Edition, Activity, Participation, Commitment, ProgramRelation, ActivityPerson, Statement].map((type) =>
          provenanceResolver(type, Source, sourcesById),
        ),
        SourceResolver,
        auditTrailResolver("programs"),
      ],
      orphanedTypes: [AdministrativeAreaRef, PersonRef],
    },
    { ...programReference, ...editionReference, ...sourceReference },
  );
}
