import type { Allocation, NodeAlloc } from "./allocation.js";
import type { ClusterModel } from "./cluster.js";
import { tasksNeededPerNode, tasksThatFit, type Shape } from "./shape.js";
import { insertEvent, sortedOrder, type NodeEvents } from "./node-events.js";

/**
 * Free resources of every node now, and their future changes: running jobs ending at their
 * estimated end, reservations of waiting jobs. Placement asks "how many tasks of this shape
 * fit on node n throughout [t, end)"; reservations and backfill decisions follow from it.
 *
 * Nodes without future events (most of a busy cluster's idle ones, all of an idle one) cost
 * O(1); a node with k events costs O(k).
 */
export class NodeProfile {
  readonly model: ClusterModel;
  readonly now: number;
  readonly freeCpu: Int32Array;
  readonly freeMem: Float64Array;
  readonly freeGpu: Int32Array;
  /** Free cpus now over all up nodes (a quick necessary test before any node scan). */
  freeCpuTotal = 0;
  // Running jobs' ends, node by node, in flat arrays (a large cluster has tens of thousands):
  // node n's are at [baseOff[n], baseOff[n+1]), sorted by time. Loaded once by `loadRunning`.
  private baseOff: Int32Array;
  private baseT = new Float64Array(0);
  private baseCpu = new Float64Array(0);
  private baseMem = new Float64Array(0);
  private baseGpu = new Float64Array(0);
  /** Events added during the pass (starts, reservations), per node. */
  private readonly events: (NodeEvents | undefined)[];
  /** Nodes that carry a reservation (a negative event): placement now prefers them for short jobs. */
  private readonly reservedNodes = new Set<number>();
  private readonly hasReservation: Uint8Array;
  /** Per partition: position in its node list before which every node is full now (only grows in a pass). */
  private readonly fullPrefix: Int32Array;

  constructor(model: ClusterModel, now: number) {
    this.model = model;
    this.now = now;
    this.freeCpu = Int32Array.from(model.cpus);
    this.freeMem = Float64Array.from(model.mem);
    this.freeGpu = Int32Array.from(model.gpus);
    this.events = new Array(model.nodes.length);
    this.baseOff = new Int32Array(model.nodes.length + 1);
    this.hasReservation = new Uint8Array(model.nodes.length);
    this.fullPrefix = new Int32Array(model.partitionNodes.length);
    for (let n = 0; n < model.nodes.length; n++) {
      if (model.up[n]) this.freeCpuTotal += model.cpus[n];
      else {
        this.freeCpu[n] = 0;
        this.freeMem[n] = 0;
        this.freeGpu[n] = 0;
      }
    }
  }

  /**
   * The running jobs, each holding its allocation until its estimated end (Infinity: until
   * further notice). Call once, before anything else.
   */
  loadRunning(running: readonly { alloc: Allocation; estEnd: number }[]): void {
    const off = this.baseOff;
    for (const r of running) {
      for (const a of r.alloc) {
        this.takeNow(a, 1);
        if (Number.isFinite(r.estEnd)) off[a.node + 1]++;
      }
    }
    for (let n = 0; n < this.model.nodes.length; n++) off[n + 1] += off[n];
    const total = off[this.model.nodes.length];
    this.baseT = new Float64Array(total);
    this.baseCpu = new Float64Array(total);
    this.baseMem = new Float64Array(total);
    this.baseGpu = new Float64Array(total);
    const fill = off.slice(0, this.model.nodes.length);
    for (const r of running) {
      if (!Number.isFinite(r.estEnd)) continue;
      for (const a of r.alloc) {
        // insertion into the node's segment keeps it sorted (segments are short)
        let i = fill[a.node]++;
        const lo = off[a.node];
        while (i > lo && this.baseT[i - 1] > r.estEnd) {
          this.baseT[i] = this.baseT[i - 1];
          this.baseCpu[i] = this.baseCpu[i - 1];
          this.baseMem[i] = this.baseMem[i - 1];
          this.baseGpu[i] = this.baseGpu[i - 1];
          i--;
        }
        this.baseT[i] = r.estEnd;
        this.baseCpu[i] = a.cpu;
        this.baseMem[i] = a.mem;
        this.baseGpu[i] = a.gpu;
      }
    }
  }

  /** A job holds `alloc` from now until `estEnd`. */
  private addRunning(alloc: Allocation, estEnd: number): void {
    for (const a of alloc) {
      this.takeNow(a, 1);
      if (Number.isFinite(estEnd)) insertEvent(this.events, a.node, estEnd, a.cpu, a.mem, a.gpu);
    }
  }

  /** Starts a job now for `duration`. */
  startNow(alloc: Allocation, duration: number): void {
    this.addRunning(alloc, this.now + duration);
  }

  /** Reserves `alloc` during [start, start + duration) (from now on, if start is past). */
  reserve(alloc: Allocation, start: number, duration: number): void {
    this.book(alloc, start, duration, 1);
  }

  /** Gives back a reservation made with the same arguments. */
  unreserve(alloc: Allocation, start: number, duration: number): void {
    this.book(alloc, start, duration, -1);
  }

  private book(alloc: Allocation, start: number, duration: number, sign: 1 | -1): void {
    const end = start + duration;
    for (const a of alloc) {
      if (start <= this.now) this.takeNow(a, sign);
      else {
        insertEvent(this.events, a.node, start, -sign * a.cpu, -sign * a.mem, -sign * a.gpu);
        this.reservedNodes.add(a.node);
        this.hasReservation[a.node] = 1;
        this.reservedCache.length = 0;
      }
      if (Number.isFinite(end))
        insertEvent(this.events, a.node, end, sign * a.cpu, sign * a.mem, sign * a.gpu);
    }
  }

  /** Tasks of `s` that node `n` can host throughout [t, end). */
  fitOver(n: number, s: Shape, t: number, end: number): number {
    const m = this.model;
    if (!m.up[n]) return 0;
    if (s.gpuType !== null && s.gpuPerNode > 0 && m.nodes[n].gpuType !== s.gpuType) return 0;
    let cpu = this.freeCpu[n];
    let mem = this.freeMem[n];
    let gpu = this.freeGpu[n];
    const ev = this.events[n];
    let bi = this.baseOff[n];
    const be = this.baseOff[n + 1];
    // A node without reservations only gains room over time: from now, its minimum is now.
    if ((bi < be || ev !== undefined) && (t > this.now || this.hasReservation[n] === 1)) {
      const bt = this.baseT;
      const xt = ev?.t;
      const xe = xt?.length ?? 0;
      let xi = 0;
      for (;;) {
        const tb = bi < be ? bt[bi] : Infinity;
        const tx = xi < xe ? xt![xi] : Infinity;
        if (tb <= tx) {
          if (tb > t) break;
          cpu += this.baseCpu[bi];
          mem += this.baseMem[bi];
          gpu += this.baseGpu[bi];
          bi++;
        } else {
          if (tx > t) break;
          cpu += ev!.cpu[xi];
          mem += ev!.mem[xi];
          gpu += ev!.gpu[xi];
          xi++;
        }
      }
      let minCpu = cpu;
      let minMem = mem;
      let minGpu = gpu;
      for (;;) {
        const tb = bi < be ? bt[bi] : Infinity;
        const tx = xi < xe ? xt![xi] : Infinity;
        const at = tb < tx ? tb : tx;
        if (at >= end) break;
        while (bi < be && bt[bi] === at) {
          cpu += this.baseCpu[bi];
          mem += this.baseMem[bi];
          gpu += this.baseGpu[bi];
          bi++;
        }
        while (xi < xe && xt![xi] === at) {
          cpu += ev!.cpu[xi];
          mem += ev!.mem[xi];
          gpu += ev!.gpu[xi];
          xi++;
        }
        if (cpu < minCpu) minCpu = cpu;
        if (mem < minMem) minMem = mem;
        if (gpu < minGpu) minGpu = gpu;
      }
      cpu = minCpu;
      mem = minMem;
      gpu = minGpu;
    }
    const whole = cpu === m.cpus[n] && mem === m.mem[n] && gpu === m.gpus[n];
    return tasksThatFit(s, cpu, mem, gpu, whole);
  }

  /**
   * Chooses nodes for `s` during [t, t + duration), or null when they are not there.
   *
   * Preference keeps room for others: a job placed now takes first the nodes that a
   * reservation needs later (it is gone before then), and a reservation takes first the
   * nodes that are busy until it (leaving the nodes free now to backfill). Within each
   * class, nodes go in index order (first fit), so that small jobs pack onto few nodes.
   */
  place(s: Shape, partition: number, t: number, duration: number): Allocation | null {
    const end = t + duration;
    const nodes = this.model.partitionNodes[partition];
    const need = tasksNeededPerNode(s);
    const picked: NodeAlloc[] = [];
    let remaining = s.tasks;
    const used = new Set<number>();
    const take = (n: number, fit: number): boolean => {
      const tasks = s.exactNodes > 0 ? 0 : Math.min(fit, remaining);
      picked.push(this.allocFor(n, s, tasks));
      used.add(n);
      remaining -= tasks;
      return s.exactNodes > 0 ? picked.length === s.exactNodes : remaining === 0;
    };
    // class 1: nodes whose room for this shape is tight around the window
    const tight =
      t <= this.now ? this.sortedReservedIn(partition) : this.nodesWithEventsIn(partition);
    for (const n of tight) {
      const fit = this.fitOver(n, s, t, end);
      if (fit < need) continue;
      const before = t > this.now ? this.fitOver(n, s, this.now, t) : Infinity;
      const after = this.fitOver(n, s, end, Infinity);
      if (before < fit || after < fit) {
        if (take(n, fit)) return this.finish(picked, s);
      }
    }
    // class 2: every other node, first fit
    let k = t <= this.now ? this.fullPrefix[partition] : 0;
    if (t <= this.now) {
      while (k < nodes.length && this.freeCpu[nodes[k]] === 0) k++;
      this.fullPrefix[partition] = k;
    }
    for (; k < nodes.length; k++) {
      const n = nodes[k];
      if (used.has(n)) continue;
      if (t <= this.now && this.freeCpu[n] < s.cpuPerTask) continue;
      const fit = this.fitOver(n, s, t, end);
      if (fit < need) continue;
      if (take(n, fit)) return this.finish(picked, s);
    }
    return null;
  }

  /**
   * Earliest time ≥ now at which `s` can be placed for `duration` in the partition
   * (Infinity if never). Candidate times are now and the instants when some node's room
   * grows; a total-cpu test over the window skips times that cannot work before any node scan.
   */
  earliest(s: Shape, partition: number, duration: number, notBefore = this.now): number {
    const nodes = this.model.partitionNodes[partition];
    // total free cpu over time on the partition's nodes, as (time, delta) steps
    let count = 0;
    let cpuNow = 0;
    for (let k = 0; k < nodes.length; k++) {
      const n = nodes[k];
      if (!this.model.up[n]) continue;
      cpuNow += this.freeCpu[n];
      count += this.baseOff[n + 1] - this.baseOff[n] + (this.events[n]?.t.length ?? 0);
    }
    const times = new Float64Array(count);
    const deltas = new Float64Array(count);
    let e = 0;
    for (let k = 0; k < nodes.length; k++) {
      const n = nodes[k];
      if (!this.model.up[n]) continue;
      for (let i = this.baseOff[n]; i < this.baseOff[n + 1]; i++, e++) {
        times[e] = this.baseT[i];
        deltas[e] = this.baseCpu[i];
      }
      const ev = this.events[n];
      if (ev === undefined) continue;
      for (let i = 0; i < ev.t.length; i++, e++) {
        times[e] = ev.t[i];
        deltas[e] = ev.cpu[i];
      }
    }
    const order = sortedOrder(times);
    const stepT = new Float64Array(count + 1);
    const stepCpu = new Float64Array(count + 1);
    stepT[0] = this.now;
    stepCpu[0] = cpuNow;
    let steps = 1;
    for (let x = 0; x < order.length; x++) {
      const i = order[x];
      if (times[i] <= stepT[steps - 1]) stepCpu[steps - 1] += deltas[i];
      else {
        stepT[steps] = times[i];
        stepCpu[steps] = stepCpu[steps - 1] + deltas[i];
        steps++;
      }
    }
    const needCpu = s.tasks * s.cpuPerTask;
    for (let i = 0; i < steps;) {
      // a step that ends before notBefore cannot hold a start
      if (stepCpu[i] < needCpu || (i + 1 < steps && stepT[i + 1] <= notBefore)) {
        i++;
        continue;
      }
      const at = Math.max(stepT[i], notBefore);
      const end = at + duration;
      let k = i + 1;
      while (k < steps && stepT[k] < end && stepCpu[k] >= needCpu) k++;
      if (k < steps && stepT[k] < end) {
        i = k + 1;
        continue;
      }
      if (this.feasible(s, partition, at, end)) return at;
      i++;
    }
    return Infinity;
  }

  private feasible(s: Shape, partition: number, t: number, end: number): boolean {
    const nodes = this.model.partitionNodes[partition];
    const need = tasksNeededPerNode(s);
    let count = 0;
    let tasks = 0;
    for (let k = 0; k < nodes.length; k++) {
      const fit = this.fitOver(nodes[k], s, t, end);
      if (fit < need) continue;
      count++;
      tasks += fit;
      if (s.exactNodes > 0 ? count >= s.exactNodes : tasks >= s.tasks) return true;
    }
    return false;
  }

  private allocFor(n: number, s: Shape, tasks: number): NodeAlloc {
    const m = this.model;
    if (s.exclusive) return { node: n, tasks, cpu: m.cpus[n], mem: m.mem[n], gpu: m.gpus[n] };
    return {
      node: n,
      tasks,
      cpu: tasks * s.cpuPerTask,
      mem: s.memPerNode + tasks * s.memPerTask,
      gpu: s.gpuPerNode,
    };
  }

  /** With an exact node count, spreads the tasks evenly (⌈n/N⌉ on the first n mod N nodes). */
  private finish(picked: NodeAlloc[], s: Shape): Allocation {
    if (s.exactNodes === 0) return picked;
    const base = Math.floor(s.tasks / s.exactNodes);
    const extra = s.tasks % s.exactNodes;
    return picked.map((a, k) => this.allocFor(a.node, s, base + (k < extra ? 1 : 0)));
  }

  private takeNow(a: NodeAlloc, sign: 1 | -1): void {
    this.freeCpu[a.node] -= sign * a.cpu;
    this.freeMem[a.node] -= sign * a.mem;
    this.freeGpu[a.node] -= sign * a.gpu;
    this.freeCpuTotal -= sign * a.cpu;
  }

  private reservedCache: (number[] | undefined)[] = [];
  private sortedReservedIn(partition: number): number[] {
    if (this.reservedNodes.size === 0) return [];
    let list = this.reservedCache[partition];
    if (list === undefined) {
      const inPart = this.membership(partition);
      list = [...this.reservedNodes].filter((n) => inPart[n] === 1).sort((a, b) => a - b);
      this.reservedCache[partition] = list;
    }
    return list;
  }

  private nodesWithEventsIn(partition: number): number[] {
    const nodes = this.model.partitionNodes[partition];
    const out: number[] = [];
    for (let k = 0; k < nodes.length; k++) {
      const n = nodes[k];
      if (this.events[n] !== undefined || this.baseOff[n + 1] > this.baseOff[n]) out.push(n);
    }
    return out;
  }

  private readonly memberships: (Uint8Array | undefined)[] = [];
  private membership(partition: number): Uint8Array {
    let m = this.memberships[partition];
    if (m === undefined) {
      m = new Uint8Array(this.model.nodes.length);
      for (const n of this.model.partitionNodes[partition]) m[n] = 1;
      this.memberships[partition] = m;
    }
    return m;
  }
}
