// @ts-check
import js from "@eslint/js";
import graphqlPlugin from "@graphql-eslint/eslint-plugin";
import globals from "globals";
import tseslint from "typescript-eslint";

const schemaRecommended = graphqlPlugin.configs["flat/schema-recommended"].rules;
const naming = /** @type {[string, Record<string, unknown>]} */ (schemaRecommended["@graphql-eslint/naming-convention"]);
// Names the federation specs define (join__Graph, link__Import, @join__field...) are not ours to choose.
const FEDERATION_NAMES = "^(join|link)__";

/*
 * no-typename-prefix reads `Partner.partnerships` as "partner" + "ships". A type's name is a prefix
 * (userId, partnerName) only when a new camelCase word follows it, so a report where a lower-case
 * letter follows the type's name is dropped; every other report stands.
 */
const typenamePrefix = graphqlPlugin.rules["no-typename-prefix"];
const sstc = {
  rules: {
    "no-typename-prefix": {
      ...typenamePrefix,
      create: (context) =>
        typenamePrefix.create(
          Object.create(context, {
            report: {
              value: (report) => {
                const { fieldName, typeName } = report.data;
                if (!/[a-z]/.test(fieldName.charAt(typeName.length))) context.report(report);
              },
            },
          }),
        ),
    },
  },
};

/** Lints one committed SDL file as a schema of its own. */
const schemaFile = (file, rules = {}) => ({
  files: [file],
  languageOptions: { parser: graphqlPlugin.parser, parserOptions: { graphQLConfig: { schema: file } } },
  plugins: { "@graphql-eslint": graphqlPlugin, sstc },
  rules: {
    ...schemaRecommended,
    "@graphql-eslint/no-typename-prefix": "off",
    "sstc/no-typename-prefix": "error",
    "@graphql-eslint/naming-convention": [
      "error",
      {
        ...naming[1],
        types: { style: "PascalCase", ignorePattern: FEDERATION_NAMES },
        DirectiveDefinition: { style: "camelCase", ignorePattern: FEDERATION_NAMES },
      },
    ],
    // Demands an `id: ID!` on every object type, connections, edges, page info and statistics
    // included: those are values, not entities, and adding ids would change the public API.
    "@graphql-eslint/strict-id-in-types": "off",
    "@graphql-eslint/require-description": [
      "error",
      {
        types: true,
        rootField: true,
        DirectiveDefinition: true,
        // type-graphql gives the root types no description, and federation's own definitions
        // (join__*, link__*, @link, @inaccessible) come without one from composition.
        ignoredSelectors: [
          "[type=ObjectTypeDefinition][name.value=/^(Query|Mutation)$/]",
          "[name.value=/^(join|link)__/]",
          "[type=DirectiveDefinition][name.value=/^(link|inaccessible)$/]",
        ],
      },
    ],
    ...rules,
  },
});

export default tseslint.config(
  { ignores: ["**/dist/**", "**/node_modules/**", ".ci/tmp/**", ".data/**", "coverage/**", "bench/results/**"] },

  {
    files: ["**/*.{ts,js,mjs,cjs}"],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // A leading underscore marks a value left unused on purpose (an omitted property, express's error-handler arity).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
  {
    // The launcher, benchmarks and scripts are CommonJS that node runs as they are, without a build.
    files: ["scripts/**/*.js", "bench/**/*.js", "tests/support/**/*.js"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["**/tests/**/*.ts", "packages/testkit/src/**/*.ts"],
    languageOptions: { globals: { ...globals.jest } },
    rules: {
      // Tests read GraphQL responses, which are untyped JSON: the test client's `data` is `any` unless a test names its shape.
      "@typescript-eslint/no-explicit-any": "off",
    },
  },

  {
    // The example operations GraphiQL opens with (each marked /* GraphQL */) are linted as documents.
    files: ["gateway/src/examples.ts"],
    processor: graphqlPlugin.processor,
  },
  {
    files: ["gateway/src/examples.ts/*.graphql"],
    languageOptions: { parser: graphqlPlugin.parser, parserOptions: { graphQLConfig: { schema: "schema/api.graphql", documents: "gateway/src/examples.ts" } } },
    plugins: { "@graphql-eslint": graphqlPlugin },
    rules: {
      ...graphqlPlugin.configs["flat/operations-recommended"].rules,
      // The gateway's own limit (MAX_DEPTH, 16 by default) is what a client meets, not the plugin's default of 7.
      "@graphql-eslint/selection-set-depth": ["error", { maxDepth: 16 }],
      // A rule for normalised client caches; the examples are read by people in GraphiQL and the
      // README, and adding ids everywhere would change what they show.
      "@graphql-eslint/require-selections": "off",
    },
  },

  schemaFile("schema/api.graphql"),
  ...["schema/programs.graphql", "schema/institutions.graphql", "schema/partners.graphql"].map((file) =>
    schemaFile(file, {
      // A subgraph's SDL imports @key, @shareable, @inaccessible... through `@link` without defining
      // them; composition (checked by the schema drift test) validates their use.
      "@graphql-eslint/known-directives": "off",
      // Entity stubs another subgraph owns (`type Country @key(fields: "code")`) are described by their owner.
      "@graphql-eslint/require-description": "off",
    }),
  ),
  schemaFile("schema/supergraph.graphql", {
    // The supergraph's join__/link__ definitions are used only by the gateway's query planner.
    "@graphql-eslint/no-unreachable-types": "off",
  }),
);
