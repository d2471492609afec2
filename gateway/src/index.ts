export { gatewayEnvSchema, loadGatewayEnv, type GatewayConfig } from "./env";
export { startGateway, type RunningGateway } from "./gateway";
export { EXAMPLE_OPERATIONS } from "./examples";
export { devToken, type DevTokenClaims } from "./dev-token";
export { createApiKey, hashApiKey, type ApiKeyEntry } from "./api-keys";
export { ASSUMED_LIST_SIZE, COST_HEADER, operationCost } from "./cost";
export { mergeFetches, type FetchRequest, type MergedFetch } from "./fetch-merging";
