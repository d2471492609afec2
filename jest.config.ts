import type { Config } from "jest";

/*
 * One jest project per workspace. Sources run through swc with decorator
 * metadata on (type-graphql and TypeORM need it; esbuild-based runners
 * drop it), and workspace imports map to their TypeScript sources so tests
 * never depend on a stale build.
 */
const transform = {
  "^.+\\.ts$": [
    "@swc/jest",
    {
      jsc: {
        parser: { syntax: "typescript", decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        keepClassNames: true,
        target: "es2022",
      },
      module: { type: "commonjs" },
    },
  ],
} as const;

const moduleNameMapper = {
  "^@sstc/(service-kit|subgraph-kit|demo-data|testkit|vocabularies)$": "<rootDir>/../packages/$1/src",
  "^@sstc/(programs|institutions|partners)$": "<rootDir>/../services/$1/src",
  "^@sstc/gateway$": "<rootDir>/../gateway/src",
  "^@sstc/schema$": "<rootDir>/../schema/src",
};

/*
 * GraphQL Code Generator's plugins require auto-bind, which is ES modules
 * only; jest's CommonJS runtime gets it through swc as well.
 */
const esmOnly: Config = {
  transform: { ...transform, "/node_modules/auto-bind/.+\\.js$": ["@swc/jest", { module: { type: "commonjs" } }] } as never,
  transformIgnorePatterns: ["/node_modules/(?!auto-bind/)"],
};

const project = (displayName: string, dir: string, depth = 1, extra: Config = {}): Config => ({
  displayName,
  rootDir: `<rootDir>/${dir}`,
  testMatch: ["<rootDir>/tests/**/*.test.ts"],
  transform: transform as never,
  moduleNameMapper: Object.fromEntries(Object.entries(moduleNameMapper).map(([k, v]) => [k, v.replace("<rootDir>/../", `<rootDir>/${"../".repeat(depth)}`)])),
  testEnvironment: "node",
  setupFiles: ["reflect-metadata"],
  ...extra,
});

const config: Config = {
  projects: [
    project("service-kit", "packages/service-kit", 2),
    project("subgraph-kit", "packages/subgraph-kit", 2),
    project("institutions", "services/institutions", 2),
    project("programs", "services/programs", 2),
    project("partners", "services/partners", 2),
    // The whole graph (subgraphs and gateway together) is tested in its own workspace, tests/: the gateway itself never imports a subgraph.
    project("graph", ".", 0),
    project("schema", "schema", 1, esmOnly),
  ],
  testTimeout: 60_000,
};

export default config;
