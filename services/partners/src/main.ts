import { runSubgraphProcess } from "@sstc/common";
import { partnersSubgraph } from "./index";

void runSubgraphProcess(partnersSubgraph);
