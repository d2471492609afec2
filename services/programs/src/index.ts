import "reflect-metadata";
import { HotQueryIndexes1733500000001 } from "./migrations/1733500000001-HotQueryIndexes";
import { DataVersions1733500000002 } from "./migrations/1733500000002-DataVersions";
import { ProgramFirstEditionStart1733600000000 } from "./migrations/1733600000000-ProgramFirstEditionStart";
import { AuditEntry, AuditTrail1732800000000, Citation, type SubgraphDefinition } from "@sstc/subgraph-kit";
import { Provenance1733300000000, Sources1733300000001 } from "./migrations/1733300000000-Provenance";
import { Source } from "./modules/source/source.entity";
import { ProgramRelations1733400000000 } from "./migrations/1733400000000-ProgramRelations";
import { ProgramRelation } from "./modules/relation/relation.entity";
import { Testimony1733400000001 } from "./migrations/1733400000001-Testimony";
import { ActivityPeriodAndPlace1733400000002 } from "./migrations/1733400000002-ActivityPeriodAndPlace";
import { CommitmentParties1733400000003 } from "./migrations/1733400000003-CommitmentParties";
import { IatiIdentifiers1733500000000 } from "./migrations/1733500000000-IatiIdentifiers";
import { ActivityPerson, Statement } from "./modules/testimony/testimony.entity";
import { InitialPrograms1732600000000 } from "./migrations/1732600000000-InitialPrograms";
import { NormaliseSdgTargets1732700000000 } from "./migrations/1732700000000-NormaliseSdgTargets";
import { Publication1732900000000 } from "./migrations/1732900000000-Publication";
import { Program } from "./modules/program/program.entity";
import { Edition } from "./modules/edition/edition.entity";
import { Activity } from "./modules/activity/activity.entity";
import { Participation } from "./modules/participation/participation.entity";
import { Commitment } from "./modules/commitment/commitment.entity";
import { ProgramSdgTarget } from "./modules/sdg/program-sdg-target.entity";
import { buildProgramsSchema } from "./schema";
import { seedPrograms } from "./seed/demo";
import { LiveUniqueness1733000000000 } from "./migrations/1733000000000-LiveUniqueness";

export const programsSubgraph: SubgraphDefinition = {
  name: "programs",
  entities: [Program, ProgramSdgTarget, Edition, Activity, Participation, Commitment, ProgramRelation, ActivityPerson, Statement, Source, Citation, AuditEntry],
  migrations: [
    InitialPrograms1732600000000,
    NormaliseSdgTargets1732700000000,
    AuditTrail1732800000000,
    Publication1732900000000,
    LiveUniqueness1733000000000,
    Provenance1733300000000,
    Sources1733300000001,
    ProgramRelations1733400000000,
    Testimony1733400000001,
    ActivityPeriodAndPlace1733400000002,
    CommitmentParties1733400000003,
    IatiIdentifiers1733500000000,
    HotQueryIndexes1733500000001,
    DataVersions1733500000002,
    ProgramFirstEditionStart1733600000000,
  ],
  buildSchema: buildProgramsSchema,
  isEmpty: async (db) => (await db.getRepository(Program).count({ withDeleted: true })) === 0,
  seed: seedPrograms,
};

export { buildProgramsSchema };
export * as iati from "./modules/iati";
