import { dirname, isAbsolute, resolve } from "node:path";
import type {
  ActiveJob,
  Backend,
  JobAlloc,
  KillReason,
  PosixIdentity,
} from "../../backends/backend.js";
import type { PartitionConfig } from "../../backends/cluster-config.js";
import type { IdentityPolicy } from "../../backends/unix-identity.js";
import { formatSlurmDuration } from "../../core/duration.js";
import { GuangError, invalidInput, notFound } from "../../core/errors.js";
import { exportedEnvironment } from "../../core/export-spec.js";
import type { JobOptions } from "../../core/job-spec.js";
import { FINAL_STATES, JOB_STATES } from "../../core/job-state.js";
import { defaultOutputPattern, expandOutputPattern } from "../../core/output-pattern.js";
import {
  buildJobOptions,
  objectOptions,
  readOptionWords,
  scriptDirectives,
  type OptionItem,
} from "../../core/sbatch.js";
import { getClusterRow } from "../../store/clusters.js";
import {
  activeJobs,
  dependencyRows,
  getArrayTask,
  getJob,
  insertJob,
  jobsOfArray,
  listJobs,
  updateJob,
  type JobRow,
} from "../../store/jobs.js";
import { nowIso, type Db } from "../../store/open.js";
import type { Dialect } from "../../store/dialect.js";
import {
  accountsOfUser,
  findAccount,
  findAccountById,
  listAccounts,
  lockAccount,
  type AccountRow,
} from "../../store/accounts.js";
import { findUserById, findUserByName } from "../../store/users.js";
import { conflict, forbidden, hasRole, type Actor } from "../access/actor.js";
import { checkSubmission } from "../tenancy/account-checks.js";
import type { Billing } from "../money/billing.js";
import { auditDone } from "../access/audit.js";
import { posixOf } from "../identity/auth.js";
import { authorize, may, reachesWholeTenant, seesTenant } from "../access/permissions.js";
import { jobEvent, storeEvent, type EventBus, type JobEvent } from "./events.js";
import { jobIdText, jobView, type JobView } from "./job-view.js";
import { openOutput, type OutputPage } from "./job-output.js";
import type { UnixAccountMaker } from "../identity/unix-accounts.js";
import { checkDirectory, checkJobPath, userWorkFolder, type PathPolicy } from "./path-policy.js";

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

export interface ListInput {
  states?: string[];
  cluster?: string;
  user?: string;
  account?: string;
  partition?: string;
  ids?: number[];
  from?: string;
  to?: string;
  limit?: number;
  before?: number;
  order?: "asc" | "desc";
}

/** How many pages of output one user may be sent at once. */
const MAX_READERS_PER_USER = 4;

/** The service classes there are (one until QoS arrive with billing). */
export const QOS = ["normal"];
const BASE_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

export interface JobServiceOptions {
  db: Db;
  dialect: Dialect;
  billing: Billing;
  events: EventBus;
  /** Every cluster's backend, by cluster name. */
  backends: Map<string, Backend>;
  /** Where jobs go that name no cluster (-M). */
  defaultCluster: string;
  paths: PathPolicy;
  identity: IdentityPolicy;
  /** Makes the Unix accounts of users who have none (identities.auto), or null. */
  accounts: UnixAccountMaker | null;
  maxScriptBytes: number;
}

/** The jobs use cases: submit, look, cancel, hold, release, read output. */
export class JobService {
  private readonly db: Db;
  private readonly o: JobServiceOptions;
  private readonly names = new Map<number, string>();
  private readonly accountInfo = new Map<number, { name: string; tenantId: number }>();
  /** Output pages being sent, by user. */
  private readonly readers = new Map<number, number>();

  constructor(o: JobServiceOptions) {
    this.o = o;
    this.db = o.db;
  }

  private partition(backend: Backend, name: string | undefined): PartitionConfig {
    const parts = backend.partitions();
    if (parts.length === 0) {
      const why = backend.status().error;
      throw new GuangError(
        "slurm_unavailable",
        503,
        `cluster ${backend.name} has not told its partitions yet${why ? ` (${why})` : ""}; try again, or submit to another cluster with -M`,
        { cluster: backend.name },
      );
    }
    if (name === undefined) return parts.find((p) => p.default) ?? parts[0]!;
    const p = parts.find((x) => x.name === name);
    if (!p)
      throw invalidInput(
        `partition ${name} does not exist on cluster ${backend.name}; its partitions: ${parts.map((x) => x.name).join(", ")}`,
        { cluster: backend.name, partition: name },
      );
    return p;
  }

  /** A cluster named in a request. */
  private named(name: string): Backend {
    const backend = this.o.backends.get(name);
    if (!backend)
      throw invalidInput(
        `cluster ${name} does not exist; clusters: ${[...this.o.backends.keys()].join(", ")}`,
        { cluster: name },
      );
    return backend;
  }

  /** The cluster a job goes to: named (-M) or the default; it must exist and take jobs. */
  private async cluster(name: string | undefined): Promise<Backend> {
    const backend = this.named(name ?? this.o.defaultCluster);
    const row = await getClusterRow(this.db, backend.name);
    if (row?.disabled_at)
      throw conflict(
        `cluster ${backend.name} is disabled (${row.disabled_reason ?? "no reason given"}) and takes no new jobs; submit to another with -M: ${[...this.o.backends.keys()].filter((n) => n !== backend.name).join(", ") || "there is none"}`,
      );
    return backend;
  }

  /** A partition a listing filters by must exist (on the cluster it names, or on some cluster). */
  private knownPartition(cluster: string | undefined, partition: string): void {
    if (cluster !== undefined) {
      this.partition(this.named(cluster), partition);
      return;
    }
    const all = [...this.o.backends.values()].flatMap((b) => b.partitions().map((p) => p.name));
    if (!all.includes(partition))
      throw invalidInput(
        `partition ${partition} does not exist; partitions: ${[...new Set(all)].join(", ")}`,
        { partition },
      );
  }

  /** The backend of a stored job's cluster (one the config no longer declares cannot act on it). */
  private backendOf(row: JobRow): Backend {
    const b = this.o.backends.get(row.cluster);
    if (!b)
      throw conflict(
        `job ${row.id} is on cluster ${row.cluster}, which this center no longer serves (it is not in the config)`,
      );
    return b;
  }

  async submit(actor: Actor, input: SubmitInput): Promise<{ id: number; jobIds: string[] }> {
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

    let found: AccountRow | undefined;
    if (opts.account === undefined) {
      // the user's first account is the default, and membership is given
      const first = (await accountsOfUser(this.db, actor.userId))[0];
      if (!first)
        throw invalidInput(
          `you belong to no account; ask an account owner to add you, or name one with -A`,
        );
      found = await findAccountById(this.db, first.id);
    } else {
      found = await findAccount(this.db, opts.account);
      // an account of another tenant reads as one that does not exist
      if (!found || !seesTenant(actor, found.tenant_id))
        throw notFound(
          `account ${opts.account} does not exist; your accounts: guang account list`,
          { account: opts.account },
        );
      if (!actor.accounts.has(found.id))
        throw forbidden(
          `you are not a member of account ${opts.account}; ask its owner to add you`,
        );
    }
    const account = found!;
    authorize(actor, "job.submit", {
      tenantId: account.tenant_id,
      accountId: account.id,
      userId: actor.userId,
      what: `account ${account.name}`,
    });
    const backend = await this.cluster(opts.cluster);
    const part = this.partition(backend, opts.partition);
    const qos = opts.qos ?? "normal";
    if (!QOS.includes(qos)) throw invalidInput(`QoS ${qos} does not exist; QoS: ${QOS.join(", ")}`);
    let timeLimit: number | null | undefined = opts.timeLimit ?? part.defaultTime ?? part.maxTime;
    if (timeLimit === Infinity || timeLimit === undefined) timeLimit = null;
    if (timeLimit !== null && timeLimit < 1)
      throw invalidInput(`the time limit must be at least one second`);
    // the cluster's own steps (Slurm's minutes): the limit it will enforce, which the hold must cover
    if (timeLimit !== null) timeLimit = Math.ceil(timeLimit / backend.timeStep) * backend.timeStep;
    if (part.maxTime !== null && (timeLimit === null || timeLimit > part.maxTime)) {
      throw invalidInput(
        `time limit ${timeLimit === null ? "UNLIMITED" : formatSlurmDuration(timeLimit)} is longer than partition ${part.name} allows (${formatSlurmDuration(part.maxTime)}); ask for less with -t`,
      );
    }
    const never = backend.whyNever(part.name, opts.request);
    if (never) throw invalidInput(`the job can never run: ${never}`);

    // who it will run as: a user the center cannot run work for is told now, not at start
    const posix =
      actor.posix ??
      (this.o.accounts && this.o.identity.root ? await this.o.accounts.ensure(actor) : null);
    const owner = this.o.identity.forJob(actor.username, posix);
    let workdir = input.workdir;
    if (opts.workdir !== undefined)
      workdir =
        isAbsolute(opts.workdir) || !workdir ? opts.workdir : resolve(workdir, opts.workdir);
    if (workdir === undefined) workdir = userWorkFolder(this.o.paths.home, actor.username, owner);
    if (!isAbsolute(workdir))
      throw invalidInput(`working directory ${workdir} must be an absolute path`);
    checkJobPath(this.o.paths, workdir, "working directory", actor.username);
    checkDirectory(workdir, "working directory");

    const externalDependency = opts.dependency ? await this.checkDependencies(opts, backend) : null;

    const submitEnv = input.environment ?? {};
    const env = {
      PATH: BASE_PATH,
      ...exportedEnvironment(opts.export ?? { all: true, names: [], set: {} }, submitEnv),
    };
    const isArray = opts.array !== undefined;
    const outPattern = opts.output ?? defaultOutputPattern(isArray);
    const errPattern = opts.error ?? outPattern;
    const name = opts.name ?? input.scriptName ?? "script";
    const now = nowIso(nowMs);
    const tasks: (number | null)[] = opts.array ? opts.array.indices : [null];
    // the same for every task of an array
    const optionsJson = JSON.stringify(opts);
    const environmentJson = JSON.stringify(env);

    const need = backend.need(opts.request);
    // jobs an outside scheduler took inside the transaction: taken back if it fails
    const placed: ActiveJob[] = [];
    // the events of the new jobs, stored with them and published once they are committed
    const told: JobEvent[] = [];
    const submitTrx = this.db.transaction().execute(async (trx) => {
      await lockAccount(trx, account.id, this.o.dialect);
      const limit = await checkSubmission(trx, account, actor.userId, {
        cluster: backend.name,
        partition: part.name,
        qos,
        timeLimit,
        timeAsked: opts.timeLimit !== undefined,
        cpus: need.cpu,
        gpus: need.gpu,
        jobs: tasks.length,
      });
      const plans = await this.o.billing.planHolds(trx, account, {
        cluster: backend.name,
        partition: part.name,
        qos,
        timeLimit: limit,
        cpus: need.cpu,
        memMiB: need.memMiB,
        gpus: need.gpu,
        gpuType: need.gpuType,
        jobs: tasks.length,
        at: now,
      });
      const out: JobRow[] = [];
      let arrayJobId: number | null = null;
      for (const [i, task] of tasks.entries()) {
        const plan = plans[i]!;
        const row = {
          cluster: backend.name,
          partition: part.name,
          account_id: account.id,
          user_id: actor.userId,
          name,
          qos,
          state: "PENDING",
          reason: null,
          held: opts.hold ? "user" : null,
          array_job_id: arrayJobId,
          array_task_id: task,
          array_throttle: opts.array?.throttle ?? 0,
          script: input.script,
          options: optionsJson,
          time_limit: limit,
          workdir,
          stdout_path: "",
          stderr_path: "",
          environment: environmentJson,
          submit_time: now,
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
          name,
          user: actor.username,
          arrayJobId,
          arrayTaskId: task,
          node: backend.firstNode(),
        };
        const stdout = this.outputPath(
          workdir,
          expandOutputPattern(outPattern, values),
          "output file (-o)",
          actor.username,
        );
        const stderr =
          errPattern === outPattern
            ? stdout
            : this.outputPath(
                workdir,
                expandOutputPattern(errPattern, values),
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
          const active = this.activeJob(full, opts, actor.username, posix, account.name);
          active.externalDependency = externalDependency;
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
      backend.submit(this.activeJob(row, opts, actor.username, posix, account.name));
    for (const e of told) this.o.events.publish(e);
    return { id: rows[0]!.id, jobIds: rows.map(jobIdText) };
  }

  private outputPath(workdir: string, path: string, what: string, user: string): string {
    const full = resolve(workdir, path);
    // the usual case: a file in the working directory, which is checked already (a symlink
    // planted there is not followed when the job opens it: see the launcher)
    if (dirname(full) === workdir) return full;
    checkJobPath(this.o.paths, full, what, user);
    checkDirectory(dirname(full), `the folder of the ${what}`);
    return full;
  }

  /**
   * Every job --dependency names must exist. On a cluster with a scheduler of its own, they
   * must be its jobs too, and the dependency is returned in its ids (an array is its tasks:
   * each task is its own Slurm job).
   */
  private async checkDependencies(opts: JobOptions, backend: Backend): Promise<string | null> {
    const spec = opts.dependency!;
    const ids = [...new Set(spec.clauses.flatMap((c) => c.targets.map((t) => t.jobId)))];
    const found = await dependencyRows(this.db, ids);
    const clauses: string[] = [];
    for (const c of spec.clauses) {
      const external: string[] = [];
      for (const t of c.targets) {
        const name = `${t.jobId}${t.taskId === null ? "" : `_${t.taskId}`}`;
        const hits = found.filter((r) =>
          t.taskId === null
            ? r.id === t.jobId || r.array_job_id === t.jobId
            : r.array_job_id === t.jobId && r.array_task_id === t.taskId,
        );
        if (hits.length === 0)
          throw invalidInput(`--dependency names job ${name}, which does not exist`);
        if (!backend.place) continue;
        const elsewhere = hits.find((r) => r.cluster !== backend.name || r.external_id === null);
        if (elsewhere)
          throw invalidInput(
            `--dependency names job ${name}, which is on cluster ${elsewhere.cluster}; a job on cluster ${backend.name} can depend only on jobs of that cluster`,
          );
        external.push(...hits.map((r) => r.external_id!));
      }
      clauses.push(`${c.type}:${external.join(":")}`);
    }
    if (!backend.place) return null;
    if (spec.singleton) clauses.push("singleton");
    return clauses.join(spec.any ? "?" : ",");
  }

  /** The backend's view of a stored job. */
  activeJob(
    row: JobRow,
    opts: JobOptions,
    user: string,
    posix: PosixIdentity | null,
    account: string,
  ): ActiveJob {
    return {
      id: row.id,
      arrayJobId: row.array_job_id,
      arrayTaskId: row.array_task_id,
      array: opts.array ?? null,
      name: row.name,
      user,
      userId: row.user_id,
      posix,
      mail: { types: opts.mailType ?? [], to: opts.mailUser ?? null },
      account,
      accountId: row.account_id,
      partition: row.partition,
      qos: row.qos,
      request: opts.request,
      timeLimit: row.time_limit,
      submitMs: Date.parse(row.submit_time),
      beginMs: row.begin_time ? Date.parse(row.begin_time) : null,
      held: (row.held as "user" | "admin" | null) ?? null,
      dependency: opts.dependency ?? null,
      workdir: row.workdir,
      stdout: row.stdout_path,
      stderr: row.stderr_path,
      env: JSON.parse(row.environment) as Record<string, string>,
      script: row.script,
      scriptArgs: opts.scriptArgs ?? [],
      state: row.state as "PENDING" | "RUNNING",
      killReason: (row.kill_reason as KillReason | null) ?? null,
      reason: null,
      plannedStartMs: null,
      startMs: row.start_time ? Date.parse(row.start_time) : null,
      alloc: row.alloc ? (JSON.parse(row.alloc) as JobAlloc) : null,
      // rows built at submit lack the columns the store fills later
      pid: row.pid ?? null,
      pidStart: row.pid_start ?? null,
      externalId: row.external_id ?? null,
    };
  }

  /** The store's active jobs of a cluster as its backend needs them (at start, for adoption). */
  async loadActive(cluster: string): Promise<ActiveJob[]> {
    const rows = await activeJobs(this.db, cluster);
    const out: ActiveJob[] = [];
    for (const row of rows) {
      const user = await findUserById(this.db, row.user_id);
      const account = (await this.account(row.account_id)).name;
      out.push(
        this.activeJob(
          row,
          JSON.parse(row.options) as JobOptions,
          user?.username ?? "?",
          user ? posixOf(user) : null,
          account,
        ),
      );
    }
    return out;
  }

  /** Names and tenants never change, so each is read once (listings name the same few users and accounts). */
  private async userName(id: number): Promise<string> {
    let n = this.names.get(id);
    if (n === undefined)
      this.names.set(id, (n = (await findUserById(this.db, id))?.username ?? `#${id}`));
    return n;
  }

  private async account(id: number): Promise<{ name: string; tenantId: number }> {
    let a = this.accountInfo.get(id);
    if (a === undefined) {
      const row = await findAccountById(this.db, id);
      this.accountInfo.set(
        id,
        (a = { name: row?.name ?? `#${id}`, tenantId: row?.tenant_id ?? -1 }),
      );
    }
    return a;
  }

  /** Whether the actor may see (or, with "job.control", act on) a job: their own, or as a manager of its account, tenant or the center. */
  private async allowed(
    actor: Actor,
    row: JobRow,
    action: "job.read" | "job.control",
  ): Promise<boolean> {
    if (row.user_id === actor.userId) return true;
    const a = await this.account(row.account_id);
    return may(actor, action, {
      tenantId: a.tenantId,
      accountId: row.account_id,
      userId: row.user_id,
      what: "",
    });
  }

  private async view(row: JobRow): Promise<JobView> {
    const live = this.o.backends.get(row.cluster)?.live(row.id);
    const a = await this.account(row.account_id);
    const now = Date.now();
    let cost: number | null = row.cost_units === null ? null : Number(row.cost_units);
    if (cost === null && live?.state === "RUNNING") {
      // so far: the allocation × the time run × the price in force when it started, never above the hold
      const start = live.startMs === null ? null : new Date(live.startMs).toISOString();
      cost = Math.min(
        Number(row.hold_units),
        await this.o.billing.cost(
          this.db,
          {
            accountId: row.account_id,
            tenantId: a.tenantId,
            cluster: row.cluster,
            partition: row.partition,
            qos: row.qos,
            startTime: start,
            alloc: live.alloc,
          },
          now,
        ),
      );
    }
    return jobView(row, await this.userName(row.user_id), a.name, live, now, cost);
  }

  /** "123" or "123_4" → the jobs it names (all tasks of an array for its array job id). */
  private async resolve(
    actor: Actor,
    idText: string,
    action: "job.read" | "job.control" = "job.control",
  ): Promise<JobRow[]> {
    const m = /^(\d+)(?:_(\d+))?$/.exec(idText.trim());
    if (!m) throw invalidInput(`"${idText}" is not a job id; use N or N_TASK (e.g. 123 or 123_4)`);
    const rows =
      m[2] === undefined
        ? await jobsOfArray(this.db, Number(m[1]))
        : [await getArrayTask(this.db, Number(m[1]), Number(m[2]))].filter((r) => r !== undefined);
    // a plain id that is a task of an array names just that task
    const own =
      m[2] === undefined
        ? rows.filter((r) => r.id === Number(m[1]) && r.array_job_id !== r.id)
        : [];
    const picked = own.length ? own : rows;
    const visible: JobRow[] = [];
    for (const r of picked) if (await this.allowed(actor, r, action)) visible.push(r);
    if (picked.length === 0 || visible.length === 0) throw notFound(`job ${idText} does not exist`);
    return visible;
  }

  /** The stored job an id names, if the actor may read it. */
  private async readable(actor: Actor, idText: string): Promise<JobRow> {
    const m = /^(\d+)$/.exec(idText.trim());
    if (m) {
      const row = await getJob(this.db, Number(m[1]));
      if (!row || !(await this.allowed(actor, row, "job.read")))
        throw notFound(`job ${idText} does not exist`);
      return row;
    }
    return (await this.resolve(actor, idText, "job.read"))[0]!;
  }

  async get(actor: Actor, idText: string): Promise<JobView> {
    return this.view(await this.readable(actor, idText));
  }

  async list(actor: Actor, q: ListInput): Promise<{ jobs: JobView[]; next: number | null }> {
    // whose jobs: one's own by default; an account's for its managers; a tenant's for its admins; all for the center
    let userId: number | undefined = actor.userId;
    let accountIds: number[] | undefined;
    if (q.account !== undefined) {
      const a = await findAccount(this.db, q.account);
      if (!a || !seesTenant(actor, a.tenant_id))
        throw invalidInput(`account ${q.account} does not exist`);
      accountIds = [a.id];
      if (may(actor, "job.read", { tenantId: a.tenant_id, accountId: a.id, what: "" }))
        userId = undefined;
    } else if (hasRole(actor, "center-admin")) userId = undefined;
    else if (reachesWholeTenant(actor, "job.read", actor.tenantId)) {
      accountIds = (await listAccounts(this.db, { tenantId: actor.tenantId })).map((a) => a.id);
      userId = undefined;
    }
    if (q.user !== undefined) {
      const u = await findUserByName(this.db, q.user);
      if (!u || !seesTenant(actor, u.tenant_id))
        throw invalidInput(`user ${q.user} does not exist`);
      if (userId !== undefined && u.id !== actor.userId)
        throw forbidden(
          `you may list only your own jobs, or an account's you manage (with account=NAME)`,
        );
      userId = u.id;
    }
    if (accountIds?.length === 0) return { jobs: [], next: null };
    for (const s of q.states ?? [])
      if (!(JOB_STATES as readonly string[]).includes(s))
        throw invalidInput(`state ${s} is unknown; states: ${JOB_STATES.join(", ")}`);
    if (q.cluster !== undefined) this.named(q.cluster);
    if (q.partition !== undefined) this.knownPartition(q.cluster, q.partition);
    const limit = q.limit ?? 100;
    const rows = await listJobs(this.db, {
      userId,
      states: q.states,
      accountIds,
      clusters: q.cluster ? [q.cluster] : undefined,
      partitions: q.partition ? [q.partition] : undefined,
      ids: q.ids,
      from: q.from,
      to: q.to,
      limit: limit + 1,
      beforeId: q.before,
      order: q.order ?? "desc",
    });
    const more = rows.length > limit;
    const page = rows.slice(0, limit);
    const jobs = await Promise.all(page.map((r) => this.view(r)));
    return { jobs, next: more ? page[page.length - 1]!.id : null };
  }

  async cancel(actor: Actor, idText: string): Promise<{ cancelled: string[] }> {
    const rows = await this.resolve(actor, idText);
    const cancelled: string[] = [];
    for (const r of rows) if (await this.backendOf(r).cancel(r.id)) cancelled.push(jobIdText(r));
    if (cancelled.length === 0)
      throw conflict(`job ${idText} has already ended (${rows[0]!.state})`);
    await this.auditOthers(actor, "job.cancel", rows[0]!, cancelled);
    return { cancelled };
  }

  /** What a manager does to someone else's jobs goes into the audit log (one's own jobs do not). */
  private async auditOthers(
    actor: Actor,
    action: string,
    row: JobRow,
    ids: string[],
  ): Promise<void> {
    if (row.user_id === actor.userId) return;
    const a = await this.account(row.account_id);
    await auditDone(this.db, actor, {
      action,
      target: `job ${ids.join(",")}`,
      tenantId: a.tenantId,
      details: { owner: await this.userName(row.user_id), account: a.name },
    });
  }

  async hold(actor: Actor, idText: string): Promise<{ held: string[] }> {
    const rows = await this.resolve(actor, idText);
    const by = rows[0]!.user_id !== actor.userId ? "admin" : "user";
    const held: string[] = [];
    for (const r of rows) {
      const b = this.backendOf(r);
      if (await b.hold(r.id, by)) {
        await updateJob(this.db, r.id, { held: b.live(r.id)!.held });
        held.push(jobIdText(r));
      }
    }
    if (held.length === 0) throw conflict(`job ${idText} is not pending, so it cannot be held`);
    await this.auditOthers(actor, "job.hold", rows[0]!, held);
    return { held };
  }

  async release(actor: Actor, idText: string): Promise<{ released: string[] }> {
    const rows = await this.resolve(actor, idText);
    const by =
      rows[0]!.user_id !== actor.userId || hasRole(actor, "center-admin") ? "admin" : "user";
    const released: string[] = [];
    let adminHold = false;
    for (const r of rows) {
      const v = await this.backendOf(r).release(r.id, by);
      if (v === "released") {
        await updateJob(this.db, r.id, { held: null });
        released.push(jobIdText(r));
      } else if (v === "admin-hold") adminHold = true;
    }
    if (released.length === 0) {
      if (adminHold)
        throw forbidden(
          `job ${idText} is held by an administrator; only an administrator can release it`,
        );
      throw conflict(`job ${idText} is not held`);
    }
    await this.auditOthers(actor, "job.release", rows[0]!, released);
    return { released };
  }

  /**
   * A page of a job's stdout or stderr from `offset`, read on the job owner's behalf (see
   * openOutput); at most MAX_READERS_PER_USER pages of one user are read at a time.
   */
  async output(
    actor: Actor,
    idText: string,
    stream: "stdout" | "stderr",
    offset: number,
    limit: number,
  ): Promise<OutputPage> {
    const row = await this.readable(actor, idText);
    // the backend's view is newer than the store's for an active job
    const state = this.o.backends.get(row.cluster)?.live(row.id)?.state ?? row.state;
    const user = await findUserById(this.db, row.user_id);
    let ownerUid: number | null;
    try {
      ownerUid =
        this.o.identity.forJob(user?.username ?? `#${row.user_id}`, user ? posixOf(user) : null)
          ?.uid ?? null;
    } catch (e) {
      throw conflict(
        `the output of job ${idText} cannot be read on its owner's behalf: ${(e as Error).message}`,
      );
    }
    const busy = this.readers.get(actor.userId) ?? 0;
    if (busy >= MAX_READERS_PER_USER)
      throw new GuangError(
        "too_many_requests",
        429,
        `you are reading ${busy} outputs at once already; wait for one to finish`,
      );
    const page = openOutput({
      path: stream === "stdout" ? row.stdout_path : row.stderr_path,
      stream,
      jobId: idText,
      pending: state === "PENDING",
      final: FINAL_STATES.has(state),
      ownerUid,
      offset,
      limit,
    });
    this.readers.set(actor.userId, busy + 1);
    // released when the last byte has been read from the file (before the client can have
    // it and ask for the next page), or when the stream fails or is closed early
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      const n = (this.readers.get(actor.userId) ?? 1) - 1;
      if (n <= 0) this.readers.delete(actor.userId);
      else this.readers.set(actor.userId, n);
    };
    for (const ev of ["end", "close", "error"]) page.body.once(ev, release);
    return page;
  }
}
