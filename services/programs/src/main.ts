import { runSubgraphProcess } from "@sstc/common";
import { programsSubgraph } from "./index";

void runSubgraphProcess(programsSubgraph);
