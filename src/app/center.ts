import { chmodSync, closeSync, mkdirSync, openSync } from "node:fs";
import { join } from "node:path";
import type { ClusterConfig } from "../backends/cluster-config.js";
import type { Backend } from "../backends/backend.js";
import { LocalCluster } from "../backends/local/local-cluster.js";
import { SlurmCluster } from "../backends/slurm/slurm-cluster.js";
import { VirtualCluster } from "../backends/virtual/virtual-cluster.js";
import { SlurmCommands } from "../backends/slurm/slurm-commands.js";
import { startNetwork } from "./center-network.js";
import { IdentityPolicy } from "../backends/unix-identity.js";
import { Cgroups } from "../backends/local/cgroups.js";
import { detectMachine } from "../backends/local/machine.js";
import { getClusterRow, saveCluster } from "../store/clusters.js";
import { openStore, type Store } from "../store/open.js";
import { AccountRules } from "../services/tenancy/account-rules.js";
import { AccountService } from "../services/tenancy/accounts.js";
import { AuditService } from "../services/access/audit.js";
import { AuthService } from "../services/identity/auth.js";
import { ApiTokenService } from "../services/identity/api-tokens.js";
import { LedgerService } from "../services/money/ledger.js";
import { Billing } from "../services/money/billing.js";
import type { MoneyEvent } from "../services/money/postings.js";
import { WalletService } from "../services/money/wallets.js";
import { Notifier } from "../services/notify/notifier.js";
import { MemberService } from "../services/tenancy/members.js";
import { GrantService } from "../services/money/grants.js";
import { PriceService } from "../services/money/prices.js";
import { ReportService } from "../services/reports/reports.js";
import { StatementService } from "../services/money/statements.js";
import { StatementMail } from "../services/money/statement-mail.js";
import { ApplicationService } from "../services/applications/applications.js";
import { ProfileService } from "../services/identity/profile.js";
import { WebShells } from "../services/shells/web-shells.js";
import { FileService } from "../services/files/files.js";
import { OidcSignIn } from "../services/identity/oidc-sign-in.js";
import { TenantService } from "../services/tenancy/tenants.js";
import { UserService } from "../services/tenancy/users.js";
import type { CenterConfig } from "./center-config.js";
import { ClusterService } from "../services/clusters/clusters.js";
import { ClusterReports } from "../services/reports/cluster-reports.js";
import { EventBus } from "../services/jobs/events.js";
import { EventStreams } from "../services/jobs/event-streams.js";
import { HomeLock } from "./home-lock.js";
import type { CenterServices } from "../services/center.js";
import { FairShare } from "../services/jobs/fair-share.js";
import { UnixAccountMaker, workAccount } from "../services/identity/unix-accounts.js";
import { startStorage } from "./center-storage.js";
import { CenterScreen } from "../services/reports/center-screen.js";
import { EfficiencyReport } from "../services/reports/efficiency.js";
import type { Actor } from "../services/access/actor.js";
import { JobService } from "../services/jobs/jobs.js";
import { QosService } from "../services/jobs/qos.js";
import { JobLookup, type JobServiceOptions } from "../services/jobs/job-lookup.js";
import { SubmitService } from "../services/jobs/submission.js";
import { OutputReader } from "../services/jobs/output-reader.js";
import { describeLocalCluster, homeTag, prepareRunDir } from "./local-machine.js";
import { seedFreePrices, bootstrap } from "./first-start.js";
import { repeat } from "./background.js";
import { Replacement } from "../services/jobs/replacement.js";
import { logBackgroundError } from "../core/background-log.js";

/** How soon a change made by another platform process (shared PostgreSQL) reaches this one's scheduler and sign-in cache. */
const RULES_RELOAD_MS = 10_000;

export interface CenterOptions {
  home: string;
  config: CenterConfig;
  /** Overrides the config's database URL (GUANG_DATABASE_URL). */
  databaseUrl?: string | null;
  /** PostgreSQL schema (tests). */
  databaseSchema?: string;
}

/** A running center: its services, and what start-up and shutdown need. */
export interface Center extends CenterServices {
  /** How local jobs are confined, in a line for the start-up banner. */
  confinement: string;
  /** This server's hold on its home. */
  lock: HomeLock;
  /** Set on the first start: the admin's password, which is also in <home>/initial-admin-password. */
  initialAdminPassword: string | null;
  /** Every cluster's backend by name (the demo drives its virtual one). */
  backends: ReadonlyMap<string, Backend>;
  close(): Promise<void>;
}

export async function openCenter(o: CenterOptions): Promise<Center> {
  // The home may be passed through (mode 711) so that jobs running as other Unix accounts reach
  // their own run directories; nothing in it can be listed, and the store is readable by us only.
  mkdirSync(o.home, { recursive: true });
  chmodSync(o.home, 0o711);
  // work/ can be passed through, not listed: each user's folder in it is theirs alone (700)
  mkdirSync(join(o.home, "work"), { recursive: true, mode: 0o711 });
  chmodSync(join(o.home, "work"), 0o711);
  const lock = HomeLock.take(o.home);
  const url = o.databaseUrl ?? o.config.databaseUrl;
  const dbFile = join(o.home, "guang.db");
  if (!url) closeSync(openSync(dbFile, "a", 0o600));
  let store: Store;
  try {
    store = await openStore(url ? { url, schema: o.databaseSchema } : { file: dbFile });
  } catch (e) {
    lock.release();
    throw e;
  }
  try {
    const initialAdminPassword = await bootstrap(store, o.home, o.config.auth);
    const machine = detectMachine();
    const stored = await getClusterRow(store.db, o.config.cluster?.name ?? "local");
    let cluster: ClusterConfig;
    if (stored && !o.config.cluster) cluster = JSON.parse(stored.config) as ClusterConfig;
    else {
      cluster = describeLocalCluster(machine, o.config.cluster);
      await saveCluster(store.db, cluster.name, "local", cluster);
    }
    // a new center's partitions are free until the center's finance prices them (every partition needs a price)
    if (initialAdminPassword !== null) await seedFreePrices(store, cluster);
    const events = new EventBus();
    const billing = new Billing(o.config.currency);
    const notifier = new Notifier(store.db, o.config.notifications, o.config.currency);
    // a block, an unblock, a warning: the scheduler looks again and people are told (bound below, once the scheduler exists)
    let moneyChanged = async (_e: MoneyEvent[]): Promise<void> => {};
    const identity = new IdentityPolicy({
      runAs: o.config.runAs,
      sharedUser: o.config.sharedUser,
      minUid: o.config.minUid,
      refuseNologin: o.config.refuseNologin,
      auto: o.config.autoIdentities !== null,
    });
    const cgroups = o.config.cgroups === "off" ? null : Cgroups.detect(`home-${homeTag(o.home)}`);
    const rules = new AccountRules(store.db);
    await rules.reload();
    const fairShare = new FairShare(store.db, o.config.fairShareHalfLifeS);
    // a change of QoS reaches the scheduler at once (changed() is defined below)
    const qos = new QosService(store.db, () => changed());
    await qos.reload();
    await fairShare.reload();
    const jobReports = new ClusterReports(
      store.db,
      events,
      billing,
      (e) => void moneyChanged(e),
      notifier,
      rules,
    );
    const local = new LocalCluster({
      rules,
      fairshare: (a, u) => fairShare.of(a, u),
      qos,
      config: cluster,
      realCpus: machine.cpus,
      gpuIndices: cluster.gpuIndices,
      runRoot: prepareRunDir(o.home, o.config.runDir),
      policy: o.config.policy,
      planDepth: o.config.planDepth,
      killWaitMs: o.config.killWaitMs,
      sampleMs: o.config.sampleMs,
      identity,
      umask: o.config.umask,
      cgroups,
      submitHost: machine.hostname,
      hooks: jobReports,
    });
    const backends = new Map<string, Backend>([[cluster.name, local]]);
    const slurm: SlurmCluster[] = [];
    for (const k of o.config.slurm) {
      await saveCluster(store.db, k.name, "slurm", k);
      const s = new SlurmCluster({
        name: k.name,
        commands: new SlurmCommands({
          cluster: k.name,
          bin: k.bin,
          timeoutSeconds: k.timeoutSeconds,
        }),
        slurmCluster: k.slurmCluster,
        pollMs: k.pollMs,
        accountingMs: k.accountingMs,
        syncMs: k.syncMs,
        identity,
        hooks: jobReports,
        rules,
      });
      backends.set(k.name, s);
      slurm.push(s);
    }
    for (const v of o.config.virtual) {
      // the nodes are many and named by rule: the stored row keeps the declaration's shape only
      await saveCluster(store.db, v.name, "virtual", { ...v, nodes: v.nodes.length });
      // free from where its clock begins, like the local cluster's on a new center
      if (initialAdminPassword !== null) await seedFreePrices(store, v, Date.now() - v.startsAgoMs);
      const sources = { rules, fairshare: fairShare.of.bind(fairShare), qos, priority: v.priority };
      const policy = { policy: o.config.policy, planDepth: o.config.planDepth };
      backends.set(
        v.name,
        new VirtualCluster({ config: v, ...policy, ...sources, hooks: jobReports }),
      );
    }
    const jobOptions: JobServiceOptions = {
      db: store.db,
      dialect: store.dialect,
      billing,
      events,
      backends,
      defaultCluster: cluster.name,
      paths: { home: o.home, allowedRoots: o.config.allowedRoots },
      identity,
      accounts:
        o.config.autoIdentities && identity.root
          ? new UnixAccountMaker(store.db, o.config.autoIdentities, () => changed())
          : null,
      maxScriptBytes: o.config.maxScriptBytes,
      qos,
    };
    const lookup = new JobLookup(jobOptions);
    const jobs = new JobService(jobOptions, lookup);
    const auth = new AuthService(store.db, o.config.auth);
    const net = await startNetwork({
      home: o.home,
      settings: o.config.network,
      db: store.db,
      currency: o.config.currency,
      backends,
      hooks: jobReports,
      auth,
    });
    // event streams end with the token they were opened with
    const streams = new EventStreams(o.config.auth.maxStreamsPerUser, store.db);
    auth.onRevokedToken = (hash) => streams.closeCredential(hash);
    auth.onRevokedUser = (id, except) => streams.closeUser(id, except);
    // after a change of accounts, members, roles or blocks: the scheduler and the sign-in cache see it at once
    const changed = async () => {
      await rules.reload();
      await qos.reload();
      await fairShare.reload(false);
      auth.forget();
      for (const b of backends.values()) b.schedule();
    };
    moneyChanged = async (e: MoneyEvent[]) => {
      await changed();
      await notifier.money(e);
    };
    // jobs that ended but were not charged (a crash in between, or from before billing) are settled first
    const settled = await billing.settleAll(store.db);
    if (settled.length) await moneyChanged(settled);
    for (const b of backends.values()) b.adopt(await jobs.loadActive(b.name));
    // a Slurm that does not answer is not fatal: the other clusters serve, and it is asked again
    await Promise.all(slurm.map((s) => s.start()));
    void net.start();
    // other platform processes sharing a PostgreSQL store change accounts too: look again now and then
    const reload =
      store.dialect === "postgres"
        ? setInterval(() => void changed().catch(() => undefined), RULES_RELOAD_MS)
        : null;
    reload?.unref();
    const min = o.config.auth.passwordMinLength;
    // what accounts may be allowed and prices may name
    const reports = new ReportService(store.db, o.config.currency);
    const statements = new StatementService(store.db, reports, o.config.currency);
    // grants whose period ended give back what is left: at start, then every minute
    const grants = new GrantService(store.db);
    const expireGrants = () =>
      grants
        .expire()
        .then((x) => notifier.grantsExpired(x))
        .catch((e: unknown) =>
          logBackgroundError(`expiring grants failed: ${(e as Error).message}`),
        );
    await expireGrants();
    const grantTimer = repeat(o.config.grantSweepMs, "expiring grants", expireGrants);
    // usage that ended meanwhile (and the passing of time, which decays it) reaches the priorities
    const shareTimer = repeat(o.config.fairShareRefreshMs, "computing fair share", () =>
      fairShare.reload().then(() => local.schedule()),
    );
    // waiting jobs that chose from several clusters move where they would start much sooner
    const move = o.config.replacement;
    const replacement =
      move && new Replacement({ ...jobOptions, lookup, soonerByS: move.soonerByS });
    const moveTimer =
      replacement && repeat(move.everyMs, "re-placement", () => replacement.round());
    const partitionsOf = (name: string): string[] =>
      backends
        .get(name)
        ?.partitions()
        .map((p) => p.name) ?? [];
    const offer = () => ({
      clusters: [...backends.keys()],
      partitions: [...new Set([...backends.keys()].flatMap(partitionsOf))],
      qos: qos.names(),
      partitionsOf,
    });
    const accounts = new AccountService(store.db, { changed, offer });
    const tokens = new ApiTokenService(store.db, o.config.auth.tokenMaxDays, auth);
    // shells and files run as the account the user's jobs run as
    const accountFor = (actor: Actor) => workAccount(identity, jobOptions.accounts, actor);
    const shells = new WebShells({
      settings: o.config.shell,
      accountFor,
      // the shell's own token for `guang`, for a day at most, revoked when the shell ends
      issueToken: async (actor) => {
        const t = await tokens.createToken(actor, `web-shell-${Date.now().toString(36)}`, 1);
        return { token: t.token, revoke: () => tokens.revokeToken(actor, t.id) };
      },
    });
    const clusters = new ClusterService(store.db, backends);
    const files = new FileService({
      accountFor,
      allowedRoots: o.config.allowedRoots,
      guangHome: o.home,
      settings: o.config.files,
    });
    const storage = startStorage({
      db: store.db,
      files,
      identity,
      settings: o.config.storage,
      currency: o.config.currency,
      billing,
      notifier,
      moneyChanged: (e) => moneyChanged(e),
    });
    return {
      home: o.home,
      store,
      auth,
      tokens,
      shells,
      files,
      storage: storage.storage,
      storageBilling: storage.storageBilling,
      oidc: o.config.auth.oidc ? new OidcSignIn(store.db, o.config.auth.oidc, auth) : null,
      tenants: new TenantService(store.db, { minPasswordLength: min, changed }),
      profiles: new ProfileService(store.db),
      users: new UserService(store.db, {
        minPasswordLength: min,
        onAccessChange: changed,
        identity,
        forcePasswordChange: o.config.auth.forcePasswordChange,
        onTokensRevoked: (id) => streams.closeUser(id, null),
        onUnlock: (name) => auth.unlock(name),
      }),
      accounts,
      applications: new ApplicationService(store.db, {
        checkAllowed: (a) => accounts.checkAllowed(a),
        changed,
        notifier,
      }),
      members: new MemberService(store.db, { changed }),
      audit: new AuditService(store.db),
      ledger: new LedgerService(store.db, {
        dialect: store.dialect,
        currency: o.config.currency,
        billing,
        moneyChanged,
      }),
      wallets: new WalletService(store.db, { currency: o.config.currency, billing, moneyChanged }),
      prices: new PriceService(store.db, { currency: o.config.currency, offer }),
      reports,
      statements,
      statementMail: new StatementMail(store.db, statements, notifier),
      grants,
      jobs,
      qos,
      submissions: new SubmitService(jobOptions, lookup),
      outputs: new OutputReader(jobOptions, lookup),
      clusters,
      screen: new CenterScreen(store.db, clusters),
      efficiency: new EfficiencyReport(store.db),
      events,
      fairShare,
      lock,
      streams,
      identity,
      confinement:
        cgroups?.describe() ??
        `jobs are not confined by cgroups (${process.getuid?.() === 0 ? (o.config.cgroups === "off" ? "jobs.cgroups: off" : "no cgroup memory controller Guang may use here") : "not root"}): memory is sampled every ${o.config.sampleMs / 1000} s`,
      initialAdminPassword,
      backends,
      network: net.network,
      peerCalls: net.calls,
      async close() {
        shells.stop();
        storage.stop();
        if (reload) clearInterval(reload);
        clearInterval(grantTimer);
        clearInterval(shareTimer);
        if (moveTimer) clearInterval(moveTimer);
        for (const b of backends.values()) await b.stop();
        await notifier.flush();
        await store.close();
        lock.release();
      },
    };
  } catch (e) {
    await store.close();
    lock.release();
    throw e;
  }
}
