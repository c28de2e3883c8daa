import { isAbsolute, resolve } from "node:path";
import { formatMoney, money } from "../../core/money.js";
import type { ActiveJob } from "../../backends/backend.js";
import { choosePlacement } from "./placement.js";
import type { Placement } from "../../core/placement.js";
import { formatSlurmDuration } from "../../core/duration.js";
import { GuangError, invalidInput } from "../../core/errors.js";
import { exportedEnvironment } from "../../core/export-spec.js";
import { markLine, RESOURCE_OPTIONS, tiedToLine } from "../../core/script-lines.js";
import { defaultOutputPattern, expandOutputPattern } from "../../core/output-pattern.js";
import {
  buildJobOptions,
  objectOptions,
  readOptionWords,
  scriptDirectives,
  type OptionItem,
} from "../../core/sbatch.js";
import { insertJob, updateJob, type JobRow } from "../../store/jobs.js";
import { checkDependencies } from "./dependency-check.js";
import { nowIso, type Db } from "../../store/open.js";
import { lockAccount } from "../../store/accounts.js";
import type { Actor } from "../access/actor.js";
import { checkSubmission } from "../tenancy/account-checks.js";
import { authorize } from "../access/permissions.js";
import { jobEvent, storeEvent, type JobEvent } from "./events.js";
import { jobIdText } from "./job-view.js";
import type { JobServiceOptions } from "./job-lookup.js";
import { JobLookup } from "./job-lookup.js";
import { activeJob } from "./active-job.js";
import { checkDirectory, checkJobPath, outputFilePath, userWorkFolder } from "./path-policy.js";

/** What a submission would be, checked and not made (sbatch --test-only). */
export interface SubmitCheck {
  cluster: string;
  partition: string;
  account: string;
  qos: string;
  /** An array's tasks, or 1. */
  jobs: number;
  cpus: number;
  gpus: number;
  /** Seconds; null: none. */
  timeLimit: number | null;
  workdir: string;
  /** The money all its jobs would hold at submission (the worst case). */
  hold: string;
  currency: string;
  /** Where a job naming several clusters (or any) would go, and why. */
  placement: Placement | null;
}

export interface SubmitInput {
  script: string;
  /** Long sbatch option names as keys: they override the script's #SBATCH lines. */
  options?: Record<string, string | number | boolean>;
  /** sbatch flags as words (what `guang submit` passes); they override the script too. */
  args?: string[];
  /** Where it was submitted from: the default working directory. */
  workdir?: string;
  /** The script's file name: the job's name when it names none (as sbatch does). */
  scriptName?: string;
  /** Arguments the script gets ($1, $2, ...), as after the script on sbatch's command line. */
  scriptArgs?: string[];
  /** The submitter's environment, exported to the job per --export (default ALL). */
  environment?: Record<string, string>;
}

const BASE_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

/**
 * Submission as a pipeline: the script's #SBATCH lines and the flags parsed; the account,
 * cluster, partition, QoS, time limit, identity and working directory resolved and checked;
 * then one transaction that checks the account's limits, holds the worst-case cost and
 * records every job (an array's tasks together); then the jobs handed to their cluster.
 */
export class SubmitService {
  private readonly db: Db;

  constructor(
    private readonly o: JobServiceOptions,
    private readonly lookup: JobLookup,
  ) {
    this.db = o.db;
  }

  /** Parsed, resolved and checked, up to the account's limits and money: nothing written. */
  private async prepare(actor: Actor, input: SubmitInput) {
    const size = Buffer.byteLength(input.script, "utf8");
    if (size > this.o.maxScriptBytes) {
      throw new GuangError(
        "payload_too_large",
        413,
        `the script is ${size} bytes; the most a script may have is ${this.o.maxScriptBytes} bytes (put data in files the script reads)`,
      );
    }
    const nowMs = Date.now();
    const items: OptionItem[] = scriptDirectives(input.script);
    if (input.args?.length) {
      const { items: fromArgs, rest } = readOptionWords(input.args, "command line");
      if (rest.length)
        throw invalidInput(`command line: "${rest.join(" ")}" is not an sbatch option`);
      items.push(...fromArgs);
    }
    if (input.options) items.push(...objectOptions(input.options));
    const opts = buildJobOptions(items, nowMs);
    if (input.scriptArgs?.length) opts.scriptArgs = input.scriptArgs;

    const account = await tiedToLine(items, ["account"], () =>
      this.lookup.submissionAccount(actor, opts.account),
    );
    authorize(actor, "job.submit", {
      tenantId: account.tenant_id,
      accountId: account.id,
      userId: actor.userId,
      what: `account ${account.name}`,
    });
    const qos = opts.qos ?? "normal";
    const { backend, part, placement } = await tiedToLine(
      items,
      ["partition", "clusters"],
      async () => {
        if (opts.clusters) {
          const ctx = { db: this.db, lookup: this.lookup, billing: this.o.billing };
          const where = { ...ctx, backends: this.o.backends };
          return choosePlacement(where, opts, account, actor, qos, nowMs);
        }
        const backend = await this.lookup.cluster(opts.cluster);
        return { backend, part: this.lookup.partition(backend, opts.partition), placement: null };
      },
    );
    let timeLimit: number | null | undefined = opts.timeLimit ?? part.defaultTime ?? part.maxTime;
    if (timeLimit === Infinity || timeLimit === undefined) timeLimit = null;
    if (timeLimit !== null && timeLimit < 1)
      throw invalidInput(`the time limit must be at least one second`);
    // the cluster's own steps (Slurm's minutes): the limit it will enforce, which the hold must cover
    if (timeLimit !== null) timeLimit = Math.ceil(timeLimit / backend.timeStep) * backend.timeStep;
    if (part.maxTime !== null && (timeLimit === null || timeLimit > part.maxTime)) {
      const e = invalidInput(
        `time limit ${timeLimit === null ? "UNLIMITED" : formatSlurmDuration(timeLimit)} is longer than partition ${part.name} allows (${formatSlurmDuration(part.maxTime)}); ask for less with -t`,
      );
      markLine(items, ["time", "partition"], e);
      throw e;
    }
    const never = backend.whyNever(part.name, opts.request);
    if (never) {
      const e = invalidInput(`the job can never run: ${never}`);
      markLine(items, RESOURCE_OPTIONS, e);
      throw e;
    }
    const problem = backend.scriptProblem?.(input.script);
    if (problem) throw invalidInput(`cluster ${backend.name}: ${problem}`);

    // who it will run as: a user the center cannot run work for is told now, not at start;
    // nothing runs here for a virtual cluster or a peer center's: no Unix account is needed or made
    const virtual = backend.kind === "virtual" || backend.kind === "peer";
    const posix =
      actor.posix ??
      (this.o.accounts && this.o.identity.root && !virtual
        ? await this.o.accounts.ensure(actor)
        : null);
    const owner = virtual ? null : this.o.identity.forJob(actor.username, posix);
    let workdir = input.workdir;
    if (opts.workdir !== undefined)
      workdir =
        isAbsolute(opts.workdir) || !workdir ? opts.workdir : resolve(workdir, opts.workdir);
    if (workdir === undefined) workdir = userWorkFolder(this.o.paths.home, actor.username, owner);
    if (!isAbsolute(workdir))
      throw invalidInput(`working directory ${workdir} must be an absolute path`);
    await tiedToLine(items, ["chdir"], () => {
      checkJobPath(this.o.paths, workdir, "working directory", actor.username);
      checkDirectory(workdir, "working directory");
    });

    const externalDependency = opts.dependency
      ? await tiedToLine(items, ["dependency"], () => checkDependencies(this.db, opts, backend))
      : null;

    const submitEnv = input.environment ?? {};
    const env = {
      PATH: BASE_PATH,
      ...exportedEnvironment(opts.export ?? { all: true, names: [], set: {} }, submitEnv),
    };
    const isArray = opts.array !== undefined;
    const outPattern = opts.output ?? defaultOutputPattern(isArray);
    const errPattern = opts.error ?? outPattern;
    const name = opts.name ?? input.scriptName ?? "script";
    // a cluster with a clock of its own (a virtual one) dates its jobs by it
    const now = nowIso(backend.now?.() ?? nowMs);
    const tasks: (number | null)[] = opts.array ? opts.array.indices : [null];
    // the same for every task of an array
    const optionsJson = JSON.stringify(opts);
    const environmentJson = JSON.stringify(env);

    const need = backend.need(opts.request);
    /** The account's and the QoS's limits, and the holds, inside the caller's transaction. */
    const limitsAndHolds = async (trx: Db) => {
      await lockAccount(trx, account.id, this.o.dialect);
      const accountLimit = await tiedToLine(items, ["account"], () =>
        checkSubmission(trx, account, actor.userId, {
          cluster: backend.name,
          partition: part.name,
          qos,
          timeLimit,
          timeAsked: opts.timeLimit !== undefined,
          cpus: need.cpu,
          gpus: need.gpu,
          jobs: tasks.length,
        }),
      );
      const limit = await tiedToLine(items, ["qos"], () =>
        this.o.qos.check(trx, qos, {
          userId: actor.userId,
          timeLimit: accountLimit,
          timeAsked: opts.timeLimit !== undefined,
          cpus: need.cpu,
          gpus: need.gpu,
          jobs: tasks.length,
        }),
      );
      // no money: the account's line
      const plans = await tiedToLine(items, ["account"], () =>
        this.o.billing.planHolds(trx, account, {
          cluster: backend.name,
          partition: part.name,
          qos,
          timeLimit: limit,
          need,
          jobs: tasks.length,
          at: now,
        }),
      );
      return { limit, plans };
    };
    return {
      opts,
      account,
      backend,
      part,
      qos,
      posix,
      workdir,
      externalDependency,
      outPattern,
      errPattern,
      name,
      now,
      tasks,
      optionsJson,
      environmentJson,
      need,
      limitsAndHolds,
      placement,
    };
  }

  /**
   * sbatch --test-only: every check of a submission, the account's limits and money included,
   * and what it would hold; nothing is submitted or written.
   */
  async check(actor: Actor, input: SubmitInput): Promise<SubmitCheck> {
    const p = await this.prepare(actor, input);
    const { limit, plans } = await this.db.transaction().execute(p.limitsAndHolds);
    return {
      cluster: p.backend.name,
      partition: p.part.name,
      account: p.account.name,
      qos: p.qos,
      jobs: p.tasks.length,
      cpus: p.need.cpu,
      gpus: p.need.gpu,
      timeLimit: limit,
      workdir: p.workdir,
      hold: formatMoney(money(plans.reduce((t, x) => t + x.money, 0))),
      currency: this.o.billing.currency,
      placement: p.placement,
    };
  }

  async submit(actor: Actor, input: SubmitInput): Promise<{ id: number; jobIds: string[] }> {
    const p = await this.prepare(actor, input);
    const { opts, account, backend, tasks, workdir } = p;
    // jobs an outside scheduler took inside the transaction: taken back if it fails
    const placed: ActiveJob[] = [];
    // the events of the new jobs, stored with them and published once they are committed
    const told: JobEvent[] = [];
    const submitTrx = this.db.transaction().execute(async (trx) => {
      const { limit, plans } = await p.limitsAndHolds(trx);
      const out: JobRow[] = [];
      let arrayJobId: number | null = null;
      for (const [i, task] of tasks.entries()) {
        const plan = plans[i]!;
        const row = {
          cluster: backend.name,
          partition: p.part.name,
          account_id: account.id,
          user_id: actor.userId,
          name: p.name,
          qos: p.qos,
          state: "PENDING",
          reason: null,
          held: opts.hold ? "user" : null,
          array_job_id: arrayJobId,
          array_task_id: task,
          array_throttle: opts.array?.throttle ?? 0,
          script: input.script,
          options: p.optionsJson,
          placement: p.placement ? JSON.stringify(p.placement) : null,
          time_limit: limit,
          workdir,
          stdout_path: "",
          stderr_path: "",
          environment: p.environmentJson,
          submit_time: p.now,
          begin_time: opts.begin !== undefined ? nowIso(opts.begin) : null,
          hold_units: plan.money,
          grant_holds: JSON.stringify(plan.grants),
          tenant_id: account.tenant_id,
        };
        const id = await insertJob(trx, row);
        await this.o.billing.hold(trx, account, id, plan);
        if (task !== null && arrayJobId === null) arrayJobId = id;
        const values = {
          jobId: id,
          name: p.name,
          user: actor.username,
          arrayJobId,
          arrayTaskId: task,
          node: backend.firstNode(),
        };
        const stdout = outputFilePath(
          this.o.paths,
          workdir,
          expandOutputPattern(p.outPattern, values),
          "output file (-o)",
          actor.username,
        );
        const stderr =
          p.errPattern === p.outPattern
            ? stdout
            : outputFilePath(
                this.o.paths,
                workdir,
                expandOutputPattern(p.errPattern, values),
                "error file (-e)",
                actor.username,
              );
        const full = {
          ...(row as unknown as JobRow),
          id,
          stdout_path: stdout,
          stderr_path: stderr,
          array_job_id: arrayJobId,
          external_id: null as string | null,
        };
        if (backend.place) {
          // an outside scheduler takes it now: a refusal there writes nothing here
          const active = activeJob(full, opts, actor.username, p.posix, account.name);
          active.externalDependency = p.externalDependency;
          full.external_id = active.externalId = await backend.place(active);
          placed.push(active);
        }
        await updateJob(trx, id, {
          stdout_path: stdout,
          stderr_path: stderr,
          array_job_id: arrayJobId,
          external_id: full.external_id,
        });
        out.push(full);
        told.push(
          await storeEvent(trx, jobEvent(full, actor.username, "PENDING", null, null, null)),
        );
      }
      return out;
    });
    let rows: JobRow[];
    try {
      rows = await submitTrx;
    } catch (e) {
      for (const job of placed) await backend.unplace?.(job);
      throw e;
    }
    for (const row of rows)
      backend.submit(activeJob(row, opts, actor.username, p.posix, account.name));
    for (const e of told) this.o.events.publish(e);
    return { id: rows[0]!.id, jobIds: rows.map(jobIdText) };
  }
}
