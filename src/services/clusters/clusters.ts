import type { Backend } from "../../backends/backend.js";
import { notFound } from "../../core/errors.js";
import { VirtualCluster } from "../../backends/virtual/virtual-cluster.js";
import { getClusterRow, listClusterRows, setClusterDisabled } from "../../store/clusters.js";
import type { Db } from "../../store/open.js";
import { conflict, hasRole, type Actor } from "../access/actor.js";
import { audited } from "../access/audit.js";
import { authorize } from "../access/permissions.js";

/** Clusters, their partitions and nodes, what is in use now, and whether they take jobs. */
export class ClusterService {
  constructor(
    private readonly db: Db,
    private readonly backends: Map<string, Backend>,
  ) {}

  /** Every cluster; what Slurm said and the drift found (which name accounts and users of every tenant) only to center admins. */
  async list(actor: Actor) {
    const staff = hasRole(actor, "center-admin");
    const rows = new Map((await listClusterRows(this.db)).map((r) => [r.name, r]));
    return [...this.backends.values()].map((b) => {
      const row = rows.get(b.name);
      const nodes = b.nodeUse();
      const status = b.status();
      return {
        name: b.name,
        backend: b.kind,
        enabled: !row?.disabled_at,
        disabledReason: row?.disabled_reason ?? null,
        disabledAt: row?.disabled_at ?? null,
        status: staff
          ? status
          : {
              ...status,
              error: status.reachable ? null : "the cluster cannot be reached now",
              sync: null,
            },
        jobs: b.counts(),
        // an outside scheduler that has not answered yet has none: its status says why
        partitions: b.partitions().map((p) => {
          const inPartition = new Set(p.nodes);
          return {
            name: p.name,
            default: p.default,
            maxTime: p.maxTime,
            defaultTime: p.defaultTime,
            priority: p.priority,
            nodes: p.nodes,
            totalCpus: nodes.filter((n) => inPartition.has(n.name)).reduce((s, n) => s + n.cpus, 0),
          };
        }),
        nodes,
      };
    });
  }

  /** Stops a cluster taking new jobs (its jobs run on and are watched), or lets it take them again. */
  async setEnabled(
    actor: Actor,
    name: string,
    enabled: boolean,
    reason: string | null,
  ): Promise<{ name: string; enabled: boolean }> {
    authorize(actor, "cluster.manage", { tenantId: actor.tenantId, what: `cluster ${name}` });
    if (!this.backends.has(name) || !(await getClusterRow(this.db, name)))
      throw notFound(
        `cluster ${name} does not exist; clusters: ${[...this.backends.keys()].join(", ")}`,
      );
    await audited(
      this.db,
      actor,
      {
        action: enabled ? "cluster.enable" : "cluster.disable",
        target: `cluster ${name}`,
        tenantId: null,
        details: { reason },
      },
      (trx) =>
        setClusterDisabled(trx, name, enabled ? null : (reason ?? "disabled by a center admin")),
    );
    return { name, enabled };
  }

  /** Moves a virtual cluster's manual clock to `at` (never back); answers when its jobs' starts and ends are written. */
  async setClock(actor: Actor, name: string, at: number): Promise<{ name: string; now: string }> {
    authorize(actor, "cluster.manage", { tenantId: actor.tenantId, what: `cluster ${name}` });
    const b = this.backends.get(name);
    if (!b)
      throw notFound(
        `cluster ${name} does not exist; clusters: ${[...this.backends.keys()].join(", ")}`,
      );
    if (!(b instanceof VirtualCluster) || b.clock.mode !== "manual")
      throw conflict(
        `cluster ${name} has no clock to set: only a virtual cluster with clock: manual in the config has one`,
      );
    if (at < b.now())
      throw conflict(
        `cluster ${name}'s clock is at ${new Date(b.now()).toISOString()}; it moves forward only`,
      );
    await b.advance(at);
    return { name, now: new Date(b.now()).toISOString() };
  }
}
