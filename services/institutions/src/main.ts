import { runSubgraphProcess } from "@sstc/common";
import { institutionsSubgraph } from "./index";

void runSubgraphProcess(institutionsSubgraph);
