import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { composeServices } from "@apollo/composition";
import { lexicographicSortSchema, printSchema } from "graphql";
import gql from "graphql-tag";
import { defaultSubgraphUrl, SUBGRAPHS as REGISTRY, type SubgraphName } from "@sstc/service-kit";
import type { SubgraphSchema } from "@sstc/subgraph-kit";
import { buildInstitutionsSchema } from "@sstc/institutions";
import { buildPartnersSchema } from "@sstc/partners";
import { buildProgramsSchema } from "@sstc/programs";

/** Where the committed schema files live (this workspace's root). */
export const SCHEMA_DIR = resolve(__dirname, "..");

/** How each subgraph in the registry builds its schema. */
const BUILDERS: Record<SubgraphName, () => Promise<SubgraphSchema>> = {
  programs: buildProgramsSchema,
  institutions: buildInstitutionsSchema,
  partners: buildPartnersSchema,
};

/**
 * The subgraphs in composition order (the registry's), with the URL each runs at by default
 * (the gateway overrides these from its environment).
 */
export const SUBGRAPHS = REGISTRY.map(({ name }) => ({ name, url: defaultSubgraphUrl(name), build: BUILDERS[name] }));

export interface Composition {
  /** File name → content, exactly as committed under schema/. */
  files: Record<string, string>;
  hints: string[];
}

/** Builds every subgraph schema in-process and composes the supergraph; throws listing every composition error. */
export async function composeSupergraph(): Promise<Composition> {
  const files: Record<string, string> = {};
  const services = [];
  for (const subgraph of SUBGRAPHS) {
    const { sdl } = await subgraph.build();
    files[`${subgraph.name}.graphql`] = `${sdl.trim()}\n`;
    services.push({ name: subgraph.name, url: subgraph.url, typeDefs: gql(sdl) });
  }
  const result = composeServices(services);
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((e) => `  - ${e.message}`).join("\n")}`);
  }
  files["supergraph.graphql"] = `${result.supergraphSdl.trim()}\n`;
  const api = result.schema.toAPISchema().toGraphQLJSSchema();
  files["api.graphql"] = `${printSchema(lexicographicSortSchema(api)).trim()}\n`;
  return { files, hints: result.hints.map((h) => `${h.definition.code}: ${h.message}`) };
}

async function main() {
  try {
    const { files, hints } = await composeSupergraph();
    for (const hint of hints) console.warn(`hint: ${hint}`);
    for (const [name, content] of Object.entries(files)) {
      writeFileSync(join(SCHEMA_DIR, name), content);
      console.log(`wrote schema/${name}`);
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}

if (require.main === module) void main();
