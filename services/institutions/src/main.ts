import { runSubgraphProcess } from "@sstc/subgraph-kit";
import { institutionsSubgraph } from "./index";

void runSubgraphProcess(institutionsSubgraph);
