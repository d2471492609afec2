import "reflect-metadata";
import type { SubgraphDefinition } from "@sstc/common";
import { InitialPrograms1732600000000 } from "./migrations/1732600000000-InitialPrograms";
import { NormaliseSdgTargets1732700000000 } from "./migrations/1732700000000-NormaliseSdgTargets";
import { Program } from "./modules/program/program.entity";
import { Edition } from "./modules/edition/edition.entity";
import { Activity } from "./modules/activity/activity.entity";
import { Participation } from "./modules/participation/participation.entity";
import { Commitment } from "./modules/commitment/commitment.entity";
import { ProgramSdgTarget } from "./modules/sdg/program-sdg-target.entity";
import { programsContext, programsEnvSchema, type ProgramsEnv } from "./env";
import { buildProgramsSchema } from "./schema";
import { seedPrograms } from "./seed/demo";

export const programsSubgraph: SubgraphDefinition<ProgramsEnv> = {
  name: "programs",
  defaultPort: 4001,
  envSchema: programsEnvSchema,
  context: programsContext,
  entities: [Program, ProgramSdgTarget, Edition, Activity, Participation, Commitment],
  migrations: [InitialPrograms1732600000000, NormaliseSdgTargets1732700000000],
  buildSchema: buildProgramsSchema,
  isEmpty: async (db) => (await db.getRepository(Program).count({ withDeleted: true })) === 0,
  seed: seedPrograms,
};

export { buildProgramsSchema, programsEnvSchema, type ProgramsEnv };
