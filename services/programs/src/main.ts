import { runSubgraphProcess } from "@sstc/subgraph-kit";
import { programsSubgraph } from "./index";

void runSubgraphProcess(programsSubgraph);
