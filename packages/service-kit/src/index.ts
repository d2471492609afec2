// What every service of the graph needs, the gateway included: configuration, errors, the signed
// principal, the HTTP server, observability, the service-to-service client and the subgraph
// registry. No ORM and no schema DSL may be imported from here (a test checks the gateway's process).
export * from "./config";
export * from "./errors";
export * from "./observability";
export * from "./principal";
export * from "./server";
export * from "./service-client";
export * from "./subgraphs";
export * from "./process";
