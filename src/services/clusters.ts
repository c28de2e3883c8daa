import type { ClusterConfig } from "../backends/cluster-config.js";
import type { LocalCluster } from "../backends/local/local-cluster.js";
import type { Actor } from "./actor.js";

/** Clusters, their partitions and nodes, and what is in use now. */
export class ClusterService {
  constructor(
    private readonly cluster: ClusterConfig,
    private readonly backend: LocalCluster,
  ) {}

  list(_actor: Actor) {
    const c = this.cluster;
    const nodes = this.backend.nodeUse();
    const counts = this.backend.counts();
    return [
      {
        name: c.name,
        backend: c.backend,
        defMemPerCpu: c.defMemPerCpu,
        jobs: counts,
        partitions: c.partitions.map((p) => ({
          name: p.name,
          default: p.default,
          maxTime: p.maxTime,
          defaultTime: p.defaultTime,
          priority: p.priority,
          nodes: p.nodes,
          totalCpus: nodes.filter((n) => p.nodes.includes(n.name)).reduce((s, n) => s + n.cpus, 0),
        })),
        nodes,
      },
    ];
  }
}
