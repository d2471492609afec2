// The test kit: fresh databases (SQLite or the MariaDB/MySQL of TEST_DATABASE_URL), subgraphs
// started on free ports, and a typed GraphQL client that reports the request when it fails.
export * from "./kit";
export * from "./subgraphs";
