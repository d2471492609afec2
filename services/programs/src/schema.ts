import { buildFederatedSchema } from "@sstc/common";
import { ProgramResolver, programReference } from "./modules/program/program.resolver";
import { EditionResolver, editionReference } from "./modules/edition/edition.resolver";
import { ActivityResolver } from "./modules/activity/activity.resolver";
import { ParticipationResolver } from "./modules/participation/participation.resolver";
import { CommitmentResolver } from "./modules/commitment/commitment.resolver";
import { CountryRefResolver, InstitutionRefResolver } from "./modules/references/references.resolver";
import { AdministrativeAreaRef, PersonRef } from "./modules/references/references.entity";
import { StatisticsResolver } from "./modules/statistics/statistics.resolver";

/** The programs subgraph schema; the server, tests and composer all call this. */
export function buildProgramsSchema() {
  return buildFederatedSchema(
    {
      resolvers: [ProgramResolver, EditionResolver, ActivityResolver, ParticipationResolver, CommitmentResolver, InstitutionRefResolver, CountryRefResolver, StatisticsResolver],
      orphanedTypes: [AdministrativeAreaRef, PersonRef],
    },
    { ...programReference, ...editionReference },
  );
}
