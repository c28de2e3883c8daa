import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { slurmDuration } from "../core/duration-schema.js";
import {
  clusterName,
  slurmCluster,
  slurmSettings,
  type SlurmClusterSettings,
} from "../backends/slurm/slurm-config.js";
import { invalidInput } from "../core/errors.js";
import { parsePolicy, type Policy } from "../scheduler/policy.js";
import { zodMessage } from "../core/zod-message.js";
import type { RunAs } from "../backends/unix-identity.js";
import type { AutoIdentities } from "../services/identity/unix-accounts.js";
import { ldapConfig, oidcConfig } from "../services/identity/provider-config.js";
import type { AuthConfig } from "../services/identity/auth.js";
import { DEFAULT_HASH_COST } from "../services/identity/passwords.js";
import { notificationsConfig, type NotificationsConfig } from "../services/notify/notifier.js";
import { shellConfig, type ShellSettings } from "../services/shells/web-shells.js";
import { filesConfig, type FilesSettings } from "../services/files/files.js";
import { storageConfig, type StorageSettings } from "../services/storage/storage.js";
import {
  expandVirtualCluster,
  virtualClusterSchema,
  type VirtualClusterConfig,
} from "../backends/virtual/virtual-config.js";
import {
  networkConfig,
  networkSettings,
  type NetworkSettings,
} from "../backends/peer/peer-config.js";

const partition = z.strictObject({
  name: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,32}$/, "a partition name is 1 to 32 letters, digits, '_' or '-'"),
  default: z.boolean().optional(),
  maxTime: slurmDuration.optional(),
  defaultTime: slurmDuration.optional(),
  priority: z.number().min(0).max(1).optional(),
});

const schema = z.strictObject({
  server: z
    .strictObject({
      host: z.string().optional(),
      port: z.number().int().min(0).max(65535).optional(),
      /** Behind a reverse proxy or load balancer: the client's address is the last one it adds to X-Forwarded-For. */
      trustProxy: z.boolean().optional(),
      /** What the server logs (JSON lines on its standard output): info has one line per request. */
      logLevel: z.enum(["debug", "info", "warn", "error", "silent"]).optional(),
    })
    .optional(),
  database: z.strictObject({ url: z.string().optional() }).optional(),
  auth: z
    .strictObject({
      sessionTtl: slurmDuration.optional(),
      passwordMinLength: z.number().int().min(8).max(128).optional(),
      /** log2 of scrypt's N for new password hashes (15: 32 MiB and about 0.1 s a hash). */
      passwordHashCost: z.number().int().min(10).max(20).optional(),
      lockoutAttempts: z.number().int().min(1).max(100).optional(),
      lockoutMinutes: z.number().min(1).max(10080).optional(),
      attemptsPerIpPerMinute: z.number().int().min(1).max(10000).optional(),
      attemptsPerUserPerMinute: z.number().int().min(1).max(10000).optional(),
      /** The longest an API token may live, in days (one without an end gets this). */
      tokenMaxDays: z.number().int().min(1).max(3650).optional(),
      /** The first admin's generated password must be changed at the first sign-in. */
      forcePasswordChange: z.boolean().optional(),
      /** Live event streams (SSE) one user may hold open. */
      maxStreamsPerUser: z.number().int().min(1).max(1000).optional(),
      ldap: ldapConfig.optional(),
      oidc: oidcConfig.optional(),
    })
    .optional(),
  notifications: notificationsConfig.optional(),
  shell: shellConfig.optional(),
  files: filesConfig.optional(),
  storage: storageConfig.optional(),
  billing: z
    .strictObject({
      /** ISO 4217 code of the money the center keeps its accounts in. */
      currency: z
        .string()
        .regex(/^[A-Z]{3}$/, "billing.currency is an ISO 4217 code such as CNY")
        .optional(),
      /** How often ended grants are looked for, in seconds. */
      grantSweepSeconds: z.number().min(0.1).max(86400).optional(),
    })
    .optional(),
  scheduler: z
    .strictObject({
      policy: z.string().optional(),
      planDepth: z.number().int().min(0).max(10000).optional(),
      /** Fair share: how fast past usage is forgotten, and how often the factors are recomputed. */
      fairShareHalfLife: slurmDuration.optional(),
      fairShareRefreshSeconds: z.number().min(0.1).max(3600).optional(),
      /** A waiting job that chose from several clusters moves where it would start this much sooner. */
      moveWhenSoonerBy: slurmDuration.optional(),
      moveCheckSeconds: z.number().min(0.2).max(3600).optional(),
    })
    .optional(),
  jobs: z
    .strictObject({
      allowedRoots: z
        .array(z.string().startsWith("/", "allowed roots are absolute paths"))
        .optional(),
      runAs: z.enum(["mapped", "shared", "server"]).optional(),
      /** The unprivileged account every job runs as with runAs: shared. */
      sharedUser: z.string().min(1).optional(),
      /** Octal umask of jobs (and so of their output files): 077 keeps them the user's own. */
      /** Confine jobs in cgroups (root only): auto uses them where the machine has them. */
      cgroups: z.enum(["auto", "off"]).optional(),
      umask: z
        .string()
        .regex(/^0?[0-7]{3}$/, "jobs.umask is three octal digits such as 077 or 027")
        .optional(),
      killWait: z.number().min(0).max(3600).optional(),
      sampleInterval: z.number().min(0.05).max(60).optional(),
      maxScriptBytes: z
        .number()
        .int()
        .min(1024)
        .max(64 * 1048576)
        .optional(),
      runDir: z.string().startsWith("/", "jobs.runDir is an absolute path").optional(),
    })
    .optional(),
  identities: z
    .strictObject({
      /** No user work ever runs under a uid below this one (system accounts). */
      minUid: z
        .number()
        .int()
        .min(1)
        .max(2 ** 31 - 2)
        .optional(),
      /** Refuse Unix accounts whose shell is nologin or false. */
      refuseNologin: z.boolean().optional(),
      /** Make a Unix account for a user who has none, at their first job (root, runAs: mapped). */
      auto: z
        .strictObject({
          uidMin: z
            .number()
            .int()
            .min(1000)
            .max(2 ** 31 - 2),
          uidMax: z
            .number()
            .int()
            .min(1000)
            .max(2 ** 31 - 2),
          homeRoot: z.string().startsWith("/", "identities.auto.homeRoot is an absolute path"),
          shell: z.string().startsWith("/", "identities.auto.shell is an absolute path").optional(),
        })
        .optional(),
    })
    .optional(),
  clusters: z
    .array(z.discriminatedUnion("backend", [slurmCluster, virtualClusterSchema]))
    .optional(),
  network: networkConfig.optional(),
  cluster: z
    .strictObject({
      name: clusterName.optional(),
      cpus: z.number().int().positive().optional(),
      memMiB: z.number().int().positive().optional(),
      defMemPerCpu: z.number().int().min(0).optional(),
      gpus: z
        .array(z.strictObject({ index: z.number().int().min(0), type: z.string().min(1) }))
        .optional(),
      partitions: z.array(partition).min(1).optional(),
    })
    .optional(),
});

type RawConfig = z.output<typeof schema>;

/** The center's settings with every default filled in. */
export interface CenterConfig {
  host: string;
  port: number;
  trustProxy: boolean;
  logLevel: "debug" | "info" | "warn" | "error" | "silent";
  databaseUrl: string | null;
  auth: AuthConfig;
  currency: string;
  grantSweepMs: number;
  /** Null: no e-mail is sent. */
  notifications: NotificationsConfig | null;
  shell: ShellSettings;
  files: FilesSettings;
  /** Null: not configured (no periodic count; counts on demand still work). */
  storage: StorageSettings | null;
  policy: Policy;
  planDepth: number;
  fairShareHalfLifeS: number;
  fairShareRefreshMs: number;
  /** Re-placement of waiting jobs; null: off. */
  replacement: { soonerByS: number; everyMs: number } | null;
  allowedRoots: string[];
  runAs: RunAs;
  sharedUser: string | null;
  /** Of jobs and their outputs. */
  umask: number;
  cgroups: "auto" | "off";
  minUid: number;
  refuseNologin: boolean;
  autoIdentities: AutoIdentities | null;
  killWaitMs: number;
  sampleMs: number;
  maxScriptBytes: number;
  /** Where launched jobs' scripts and records live; null: /dev/shm when there is one, else <home>/run. */
  runDir: string | null;
  cluster: NonNullable<RawConfig["cluster"]> | null;
  /** Clusters besides the local one. */
  slurm: SlurmClusterSettings[];
  virtual: VirtualClusterConfig[];
  /** Null: in no network of centers. */
  network: NetworkSettings | null;
}

export function parseCenterConfig(raw: unknown, source: string): CenterConfig {
  const r = schema.safeParse(raw ?? {});
  if (!r.success) throw invalidInput(`${source}: ${zodMessage(r.error)}`);
  const c = r.data;
  let policy: Policy = "easy";
  if (c.scheduler?.policy) {
    try {
      policy = parsePolicy(c.scheduler.policy);
    } catch (e) {
      throw invalidInput(`${source}: scheduler.policy: ${(e as Error).message}`);
    }
  }
  const parts = c.cluster?.partitions ?? [];
  const names = new Set<string>();
  for (const p of parts) {
    if (names.has(p.name))
      throw invalidInput(`${source}: cluster.partitions: ${p.name} is declared twice`);
    names.add(p.name);
    if (p.maxTime && p.defaultTime && p.defaultTime > p.maxTime)
      throw invalidInput(`${source}: partition ${p.name}: defaultTime is longer than maxTime`);
  }
  const l = c.auth?.ldap;
  if (l && !l.userDn && !(l.searchBase && l.searchFilter))
    throw invalidInput(`${source}: auth.ldap needs userDn, or searchBase and searchFilter`);
  if (l && (l.bindDn === undefined) !== (l.bindPassword === undefined))
    throw invalidInput(`${source}: auth.ldap: give bindDn and bindPassword together`);
  for (const [k, m] of [
    ["ldap", l],
    ["oidc", c.auth?.oidc],
  ] as const) {
    if (m && !m.tenant && !m.tenantAttribute)
      throw invalidInput(
        `${source}: auth.${k} needs tenant (where new users go) or tenantAttribute (which ${k === "ldap" ? "attribute" : "claim"} picks it)`,
      );
  }
  const clusterNames = new Set([c.cluster?.name ?? "local"]);
  for (const k of c.clusters ?? []) {
    if (clusterNames.has(k.name))
      throw invalidInput(
        `${source}: clusters: ${k.name} is declared twice (the local cluster is ${c.cluster?.name ?? "local"}; name it with cluster.name)`,
      );
    clusterNames.add(k.name);
  }
  const auto = c.identities?.auto;
  if (auto && auto.uidMax < auto.uidMin)
    throw invalidInput(`${source}: identities.auto: uidMax is below uidMin`);
  if (auto && auto.uidMin < (c.identities?.minUid ?? 1000))
    throw invalidInput(
      `${source}: identities.auto.uidMin is below identities.minUid: the accounts Guang makes must be ones it may use`,
    );
  if (auto && c.jobs?.runAs !== undefined && c.jobs.runAs !== "mapped")
    throw invalidInput(
      `${source}: identities.auto makes each user's own account: it needs jobs.runAs: mapped`,
    );
  if (parts.filter((p) => p.default).length > 1)
    throw invalidInput(`${source}: cluster.partitions: only one partition can be the default`);
  return {
    host: c.server?.host ?? "127.0.0.1",
    port: c.server?.port ?? 8080,
    trustProxy: c.server?.trustProxy ?? false,
    logLevel: c.server?.logLevel ?? "info",
    databaseUrl: c.database?.url ?? null,
    auth: {
      sessionTtl: c.auth?.sessionTtl ?? 30 * 86400,
      passwordMinLength: c.auth?.passwordMinLength ?? 10,
      passwordHashCost: c.auth?.passwordHashCost ?? DEFAULT_HASH_COST,
      lockoutAttempts: c.auth?.lockoutAttempts ?? 5,
      lockoutMs: (c.auth?.lockoutMinutes ?? 15) * 60000,
      attemptsPerIpPerMinute: c.auth?.attemptsPerIpPerMinute ?? 30,
      attemptsPerUserPerMinute: c.auth?.attemptsPerUserPerMinute ?? 10,
      tokenMaxDays: c.auth?.tokenMaxDays ?? 365,
      forcePasswordChange: c.auth?.forcePasswordChange ?? true,
      maxStreamsPerUser: c.auth?.maxStreamsPerUser ?? 8,
      ldap: c.auth?.ldap ?? null,
      oidc: c.auth?.oidc ?? null,
    },
    policy,
    currency: c.billing?.currency ?? "CNY",
    grantSweepMs: (c.billing?.grantSweepSeconds ?? 60) * 1000,
    notifications: c.notifications ?? null,
    shell: {
      idleMs: (c.shell?.idleMinutes ?? 60) * 60_000,
      keepMs: (c.shell?.keepSeconds ?? 60) * 1000,
      logins: c.shell?.logins ?? [],
    },
    files: c.files ?? {},
    storage: c.storage ?? null,
    planDepth: c.scheduler?.planDepth ?? 100,
    fairShareHalfLifeS: c.scheduler?.fairShareHalfLife ?? 7 * 86400,
    fairShareRefreshMs: (c.scheduler?.fairShareRefreshSeconds ?? 30) * 1000,
    replacement: c.scheduler?.moveWhenSoonerBy
      ? {
          soonerByS: c.scheduler.moveWhenSoonerBy,
          everyMs: (c.scheduler.moveCheckSeconds ?? 60) * 1000,
        }
      : null,
    allowedRoots: c.jobs?.allowedRoots ?? [],
    runAs: c.jobs?.runAs ?? "mapped",
    sharedUser: c.jobs?.sharedUser ?? null,
    umask: parseInt(c.jobs?.umask ?? "077", 8),
    cgroups: c.jobs?.cgroups ?? "auto",
    minUid: c.identities?.minUid ?? 1000,
    refuseNologin: c.identities?.refuseNologin ?? false,
    autoIdentities: auto ? { ...auto, shell: auto.shell ?? "/bin/bash" } : null,
    killWaitMs: (c.jobs?.killWait ?? 30) * 1000,
    sampleMs: (c.jobs?.sampleInterval ?? 1) * 1000,
    maxScriptBytes: c.jobs?.maxScriptBytes ?? 1048576,
    runDir: c.jobs?.runDir ?? null,
    cluster: c.cluster ?? null,
    network: c.network ? networkSettings(c.network, source, clusterNames) : null,
    virtual: (c.clusters ?? []).flatMap((k) => {
      if (k.backend !== "virtual") return [];
      try {
        return [expandVirtualCluster(k)];
      } catch (e) {
        throw invalidInput(`${source}: clusters: ${k.name}: ${(e as Error).message}`);
      }
    }),
    slurm: (c.clusters ?? []).flatMap((k) => (k.backend === "slurm" ? [slurmSettings(k)] : [])),
  };
}

export function loadCenterConfig(file: string | null): CenterConfig {
  if (file === null) return parseCenterConfig({}, "defaults");
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw invalidInput(
      `cannot read the config file ${file}: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "it does not exist" : (e as Error).message}`,
    );
  }
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (e) {
    throw invalidInput(
      `config file ${file} is not valid YAML: ${(e as Error).message.split("\n")[0]}`,
    );
  }
  return parseCenterConfig(raw, `config file ${file}`);
}
