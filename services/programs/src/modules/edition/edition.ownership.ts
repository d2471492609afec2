import type { EntityManager } from "typeorm";
import { NotFoundError, type Owners } from "@sstc/subgraph-kit";
import { Edition } from "./edition.entity";
import { Program } from "../program/program.entity";

/** An edition belongs to its host institution and to the institution leading its programme. */
export async function editionOwners(manager: EntityManager, edition: Pick<Edition, "programId" | "hostInstitutionId">): Promise<Owners> {
  const program = await manager.getRepository(Program).findOneBy({ id: edition.programId });
  return { institutionIds: [edition.hostInstitutionId, program?.leadInstitutionId] };
}

/** The owners of an edition by id; NOT_FOUND (naming the input field) when there is no such edition. */
export async function ownersOfEditionId(manager: EntityManager, editionId: string): Promise<Owners> {
  const edition = await manager.getRepository(Edition).findOneBy({ id: editionId });
  if (!edition) throw new NotFoundError("Edition", editionId);
  return editionOwners(manager, edition);
}
