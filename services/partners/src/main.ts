import { runSubgraphProcess } from "@sstc/subgraph-kit";
import { partnersSubgraph } from "./index";

void runSubgraphProcess(partnersSubgraph);
