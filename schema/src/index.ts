export { composeSupergraph, SCHEMA_DIR, SUBGRAPHS } from "./compose";
