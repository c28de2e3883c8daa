import { rmdirSync } from "node:fs";
import type { ActiveJob, JobAlloc, JobOutcome, KillReason } from "../backend.js";
import { type ClusterConfig } from "../cluster-config.js";
import { slurmEnvironment } from "./job-env.js";
import { DeviceSlots } from "./device-slots.js";
import { checkLauncher, Launcher } from "./launcher.js";
import { isSameProcess, processStartTime, readSessions, signal } from "./proc-table.js";
import { readJobRecord, removeRunFiles, scriptPath } from "./run-files.js";
import type { UnixAccount } from "../unix-account.js";
import type { JobCgroup } from "./cgroups.js";

import type { LocalClusterOptions } from "./local-options.js";
import { outcomeOf } from "./job-outcome.js";
import { appendNote, killNote } from "./job-notes.js";
import { logBackgroundError } from "../../core/background-log.js";

/**
 * How long a job may be gone before its recorded end is given up on. The launcher records
 * an end within a tenth of a second on an idle machine, but a loaded one (2 cores, a few
 * busy servers: CI) can starve it for seconds, and giving up early turns a real exit code
 * into FAILED; an end that is truly lost (the launcher killed) is rare, and may wait.
 */
const GONE_GRACE_MS = 30_000;

export interface Running {
  job: ActiveJob;
  /** When the launch request was sent. */
  launchedMs: number;
  /** Whether the store has been told it runs. */
  reported: boolean;
  killAt: number | null;
  peakRssMiB: number;
  ending: boolean;
  /** When the sampler first found its process gone without a recorded end. */
  goneSinceMs?: number;
  cgroup?: JobCgroup;
}

/**
 * Runs the local cluster's jobs: starts each through the launcher as its user, in its
 * cgroup, bound to its cores; samples memory, time limits and liveness every `sampleMs`;
 * kills (SIGTERM, then SIGKILL after the kill wait); records how each ended.
 */
export class JobExecutor {
  /** The jobs started and not yet ended, by id. */
  readonly running = new Map<number, Running>();
  private readonly slots: DeviceSlots;
  private readonly launcher: Launcher;
  private readonly chains = new Map<number, Promise<void>>();
  private sampler: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly opts: LocalClusterOptions,
    private readonly node: ClusterConfig["nodes"][number],
    /** Told when a job has ended (or never started), after the store is asked to record it. */
    private readonly onEnd: (job: ActiveJob, outcome: JobOutcome) => void,
  ) {
    this.slots = new DeviceSlots(node.cpus, opts.gpuIndices);
    checkLauncher();
    this.launcher = new Launcher(
      (id, pid) => this.started(id, pid),
      (id) => {
        const r = this.running.get(id);
        if (r) this.finish(r, undefined, Date.now());
      },
    );
  }

  private get name(): string {
    return this.opts.config.name;
  }

  /** Runs `fn` after every earlier hook of the same job, so the store sees a job's changes in order. */
  chain(id: number, fn: () => Promise<void>): Promise<void> {
    const prev = this.chains.get(id) ?? Promise.resolve();
    const next = prev.then(fn).catch((e: unknown) => {
      logBackgroundError(`recording job ${id} failed: ${(e as Error).message}`, { job: id });
    });
    this.chains.set(id, next);
    void next.then(() => {
      if (this.chains.get(id) === next) this.chains.delete(id);
    });
    return next;
  }

  /**
   * Takes back a job the store says is active: a running one is adopted (or ended, when its
   * record shows an end or is gone); false for one that never launched, which waits again.
   */
  adopt(job: ActiveJob): boolean {
    const run = this.opts.runRoot;
    const rec = readJobRecord(run, job.id);
    if (rec === null) {
      removeRunFiles(run, job.id);
      if (job.state === "RUNNING") {
        // it was running, and its record is gone (the machine restarted and took the run
        // directory?): it failed, and its own output says so as Slurm's does for a node failure
        const r = this.track(job, job.startMs ?? Date.now(), true);
        this.note(job, killNote("NODE_FAIL", job.id, this.node.name));
        this.finish(
          r,
          "the job's run record is gone (was the machine restarted?); it may have run in part",
        );
        return true;
      }
      job.startMs = job.alloc = job.pid = job.pidStart = null;
      return false;
    }
    job.state = "RUNNING";
    job.startMs = rec.launch.startMs;
    job.alloc = rec.launch.alloc as JobAlloc;
    job.pid = rec.pid;
    job.pidStart = rec.start;
    this.slots.take(job.alloc, job.id);
    const r = this.track(job, rec.launch.startMs, false, this.opts.cgroups?.handle(job.id));
    this.report(r);
    if (rec.status !== null) this.finish(r);
    else this.ensureSampler();
    return true;
  }

  /** Watches a job from now on: started here, adopted, or found lost. */
  private track(
    job: ActiveJob,
    launchedMs: number,
    reported: boolean,
    cgroup?: JobCgroup,
  ): Running {
    const r: Running = { job, launchedMs, reported, killAt: null, peakRssMiB: 0, ending: false };
    if (cgroup) r.cgroup = cgroup;
    this.running.set(job.id, r);
    return r;
  }

  start(
    job: ActiveJob,
    a: { cpu: number; mem: number; gpu: number; tasks: number },
    nowMs: number,
  ): void {
    const { cores, gpuIndices } = this.slots.pick(job.id, a.cpu, a.gpu);
    const alloc: JobAlloc = {
      node: this.node.name,
      cpus: a.cpu,
      memMiB: a.mem,
      gpus: a.gpu,
      gpuType: a.gpu > 0 ? this.node.gpuType : null,
      cores,
      gpuIndices,
    };
    job.state = "RUNNING";
    job.reason = null;
    job.plannedStartMs = null;
    job.startMs = nowMs;
    job.alloc = alloc;
    const r = this.track(job, nowMs, false);
    this.ensureSampler();

    let owner: UnixAccount | null;
    try {
      owner = this.opts.identity.forJob(job.user, job.posix);
    } catch (e) {
      // the identity went away between submission and start: the job never runs
      return this.finish(r, (e as Error).message, undefined, true);
    }
    const base = { ...job.env };
    if (owner) Object.assign(base, { HOME: owner.home, USER: owner.name, LOGNAME: owner.name });
    const env = slurmEnvironment({
      base,
      jobId: job.id,
      name: job.name,
      user: job.user,
      account: job.account,
      partition: job.partition,
      qos: job.qos,
      cluster: this.name,
      node: this.node.name,
      submitDir: job.workdir,
      submitHost: this.opts.submitHost,
      tasks: job.request.tasks ?? 1,
      cpusPerTask: job.request.cpusPerTask ?? 1,
      cpus: a.cpu,
      memMiB: a.mem,
      gpuIndices: alloc.gpuIndices,
      machineHasGpus: this.opts.gpuIndices.length > 0,
      timeLimitMinutes: job.timeLimit === null ? null : Math.ceil(job.timeLimit / 60),
      arrayJobId: job.arrayJobId,
      arrayTaskId: job.arrayTaskId,
      array: job.array,
    });
    // virtual cores beyond the real ones are bound round-robin onto them
    const bind = [...new Set(cores.map((c) => c % this.opts.realCpus))].sort((x, y) => x - y);
    const run = this.opts.runRoot;
    try {
      r.cgroup = this.opts.cgroups?.create(job.id, {
        memMiB: a.mem,
        cores: bind,
        gpuIndices: alloc.gpuIndices,
        allGpus: this.opts.gpuIndices,
      });
    } catch (e) {
      return this.finish(
        r,
        `cannot make the job's cgroup: ${(e as Error).message}`,
        undefined,
        true,
      );
    }
    this.launcher.launch({
      id: job.id,
      run,
      workdir: job.workdir,
      uid: owner?.uid ?? null,
      gid: owner?.gid ?? null,
      cores: bind.length > 0 ? bind : null,
      umask: this.opts.umask,
      cgroups: r.cgroup?.procs ?? [],
      stdout: job.stdout,
      stderr: job.stderr,
      script: scriptPath(run, job.id),
      scriptText: job.script,
      scriptArgs: job.scriptArgs,
      launch: JSON.stringify({ startMs: nowMs, alloc }),
      env,
    });
  }

  /** The launcher forked the job. */
  private started(id: number, pid: number): void {
    const r = this.running.get(id);
    if (!r || r.job.pid !== null) return;
    r.job.pid = pid;
    r.job.pidStart = processStartTime(pid) ?? readJobRecord(this.opts.runRoot, id)?.start ?? "";
    this.report(r);
    // a cancel (or time limit) that came while it was being started reaches it now: the
    // process itself, and its group once it has made its session
    if (r.job.killReason !== null && !r.ending) this.signalJob(pid, [], "SIGTERM");
  }

  /** Tells the store the job runs (once; with its pid when known). */
  private report(r: Running): void {
    if (r.reported) return;
    r.reported = true;
    this.chain(r.job.id, () => this.opts.hooks.started(r.job));
  }

  private ensureSampler(): void {
    if (this.sampler || this.running.size === 0 || this.stopped) return;
    this.sampler = setInterval(() => this.sample(), this.opts.sampleMs);
  }

  /** Memory, time limits, kills in progress, and ends the launcher did not report (adopted jobs, a lost launcher). */
  private sample(): void {
    if (this.running.size === 0) {
      clearInterval(this.sampler!);
      this.sampler = null;
      return;
    }
    const now = Date.now();
    const sessions = readSessions(
      new Set([...this.running.values()].map((r) => r.job.pid ?? 0).filter((p) => p > 0)),
    );
    for (const r of [...this.running.values()]) {
      if (r.ending) continue;
      const j = r.job;
      if (j.pid === null) {
        // no "start" from the launcher yet; after a while, the job's own record decides
        if (now - r.launchedMs < 10000) continue;
        const rec = readJobRecord(this.opts.runRoot, j.id);
        if (rec === null) {
          this.finish(r);
          continue;
        }
        j.pid = rec.pid;
        j.pidStart = rec.start;
        this.report(r);
      }
      const use = sessions.get(j.pid);
      if (use) r.peakRssMiB = Math.max(r.peakRssMiB, use.rssMiB);
      else if (!isSameProcess(j.pid, j.pidStart!)) {
        // its end is recorded by the launcher that started it, a moment after it is gone
        r.goneSinceMs ??= now;
        if (readJobRecord(this.opts.runRoot, j.id)?.status || now - r.goneSinceMs > GONE_GRACE_MS)
          this.finish(r);
        continue;
      }
      if (j.killReason === null && j.timeLimit !== null && now >= j.startMs! + j.timeLimit * 1000)
        void this.kill(r, "TIMEOUT", false);
      else if (j.killReason === null && j.alloc!.memMiB > 0 && use && use.rssMiB > j.alloc!.memMiB)
        void this.kill(r, "OUT_OF_MEMORY", true);
      else if (r.killAt !== null && now >= r.killAt) {
        this.signalJob(j.pid, use?.pids ?? [], "SIGKILL");
        r.killAt = now + this.opts.killWaitMs;
      }
    }
  }

  /**
   * Signals a job: its process and group by the pid (a job just forked may not have made its
   * session yet, and has no session to find), and every process of its session.
   */
  private signalJob(pid: number | null, pids: number[], sig: NodeJS.Signals): void {
    if (pid !== null && pid > 0) {
      signal(pid, sig);
      signal(-pid, sig);
    }
    for (const p of pids) signal(p, sig);
  }

  async kill(r: Running, reason: KillReason, hard: boolean): Promise<void> {
    const j = r.job;
    if (j.killReason === null) {
      j.killReason = reason;
      // recorded before the signal, so a restart in between still knows why it ended
      await this.chain(j.id, () => this.opts.hooks.killing(j, reason));
      this.note(j, killNote(reason, j.id, this.node.name));
    }
    if (r.ending) return;
    if (j.pid !== null) {
      const pids = readSessions(new Set([j.pid])).get(j.pid)?.pids ?? [];
      this.signalJob(j.pid, pids, hard ? "SIGKILL" : "SIGTERM");
    }
    r.killAt = Date.now() + (hard ? Math.min(1000, this.opts.killWaitMs) : this.opts.killWaitMs);
  }

  /** Tells the job's own error output why Guang ended it, as Slurm does. */
  private note(j: ActiveJob, text: string): void {
    let uid: number | null;
    try {
      uid = this.opts.identity.forJob(j.user, j.posix)?.uid ?? null;
    } catch {
      return;
    }
    appendNote(j.stderr, uid, text);
  }

  /** Removes a job's cgroups once the last of its processes has left them. */
  private dropCgroup(cg: JobCgroup, tries: number): void {
    if (cg.remove() || tries >= 20) return;
    setTimeout(() => this.dropCgroup(cg, tries + 1), 500).unref();
  }

  /**
   * The job has ended (or never started): record how it ended, free its cores, decide again.
   * `neverRan`: the script was never started (so the job costs nothing).
   */
  private finish(r: Running, failure?: string, heardAtMs?: number, neverRan = false): void {
    if (r.ending) return;
    r.ending = true;
    const j = r.job;
    const run = this.opts.runRoot;
    const rec = readJobRecord(run, j.id, heardAtMs);
    if (j.pid === null && rec) [j.pid, j.pidStart] = [rec.pid, rec.start];
    this.report(r);
    // whatever the job left behind in its session's process group goes with it, as in Slurm
    if (j.pid !== null && j.pid > 0) signal(-j.pid, "SIGKILL");
    const st = failure ? null : (rec?.status ?? null);
    // the kernel killed a process of it for its memory: OUT_OF_MEMORY, as Slurm says
    const oom = r.cgroup?.oomKilled() ?? false;
    if (oom && j.killReason === null) this.note(j, killNote("OUT_OF_MEMORY", j.id, this.node.name));
    // killed before a sample saw it: the kernel's peak (page cache included) is what it reached
    if (oom) r.peakRssMiB = Math.max(r.peakRssMiB, r.cgroup?.peakMiB() ?? 0);
    if (r.cgroup) this.dropCgroup(r.cgroup, 0);
    const outcome = outcomeOf(j.killReason, st, { failure, neverRan, oom, peakMiB: r.peakRssMiB });
    if (j.alloc) this.slots.release(j.alloc, j.id);
    this.running.delete(j.id);
    void this.chain(j.id, async () => {
      await this.opts.hooks.ended(j, outcome);
      removeRunFiles(run, j.id);
    });
    this.onEnd(j, outcome);
  }

  /** Stops watching; running jobs keep running (adopted at the next start). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.sampler) clearInterval(this.sampler);
    this.launcher.stop();
    // an idle server leaves no empty run directory behind (in /dev/shm, one per home)
    if (this.running.size === 0) {
      this.opts.cgroups?.release();
      try {
        rmdirSync(this.opts.runRoot);
      } catch {
        // not empty (a launch still writing), or gone
      }
    }
    await Promise.all([...this.chains.values()]);
  }
}
