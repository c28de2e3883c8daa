#!/usr/bin/env node
import { readFileSync } from "node:fs";
import { didYouMean } from "./did-you-mean.js";
import { EXIT, reportError } from "./exit.js";

const HELP = `guang — Guang 光, the software that runs an intelligent supercomputing center

usage: guang <command> [options]

commands:
  serve         run a center on this machine (REST API + local cluster)
  login         sign in to a center and keep the token
  passwd        change your password
  tokens        your API tokens for scripts: list, create, revoke
  submit        submit a batch script (like sbatch)
  run CMD...    run a command as a job, its output on this terminal (like srun)
  alloc [CMD]   get an allocation and run a command (your shell) while it holds (like salloc)
  jobs          waiting and running jobs (like squeue)
  show JOBID    one job in detail (like scontrol show job)
  output JOBID  a job's output; -f follows it as it grows
  cancel JOBID  cancel jobs (like scancel); also hold, release
  history       finished and current jobs of a time window (like sacct)
  clusters      clusters, partitions and nodes (like sinfo)
  qos           service classes: priority, limits, price factor (like sacctmgr show qos)
  account       your accounts and their members (like sacctmgr show assoc)
  files         your files on the center: ls, get, put, mkdir, mv, cp, chmod, rm, trash
  quota         storage used by your home and accounts, with quotas (like quota -s)
  admin         tenants, users, accounts and the audit log (center and tenant admins)
  money         balances, the ledger, recharges, transfers, grants, prices, statements
  network       this center among its peers; settlement statements between centers
  report        usage over a window: core-hours, GPU-hours, jobs, wait, cost (like XDMoD)
  shims         install sbatch, squeue, scancel, sacct, sinfo, scontrol that run guang
  sim TRACE     replay a Standard Workload Format trace with Guang's scheduler
  demo          compare scheduling policies on a synthetic workload
  help [CMD]    this help, or a command's
  version       print the version

Every command answers --help. Exit codes: 0 ok; 1 refused by the server (not allowed, not
found, a conflict, no money); 2 bad usage or input; 3 the server unreachable or failing.
`;

type Command = { run: (argv: string[]) => number | Promise<number>; help: string };

/**
 * Each command's module is loaded when it is run (or its help asked for): a Slurm user runs
 * `guang jobs` in loops, and loading the server's code for it cost most of its time.
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  serve: async () =>
    ((m) => ({ run: m.serveCommand, help: m.SERVE_HELP }))(await import("./commands/serve.js")),
  login: async () =>
    ((m) => ({ run: m.loginCommand, help: m.LOGIN_HELP }))(await import("./commands/login.js")),
  passwd: async () =>
    ((m) => ({ run: m.passwdCommand, help: m.PASSWD_HELP }))(await import("./commands/passwd.js")),
  tokens: async () =>
    ((m) => ({ run: m.tokensCommand, help: m.TOKENS_HELP }))(await import("./commands/tokens.js")),
  submit: async () =>
    ((m) => ({ run: m.submitCommand, help: m.SUBMIT_HELP }))(await import("./commands/submit.js")),
  run: async () =>
    ((m) => ({ run: m.runCommand, help: m.RUN_HELP }))(await import("./commands/run.js")),
  alloc: async () =>
    ((m) => ({ run: m.allocCommand, help: m.ALLOC_HELP }))(await import("./commands/alloc.js")),
  jobs: async () =>
    ((m) => ({ run: m.jobsCommand, help: m.JOBS_HELP }))(await import("./commands/jobs.js")),
  show: async () =>
    ((m) => ({ run: m.showCommand, help: m.SHOW_HELP }))(await import("./commands/show.js")),
  cancel: async () =>
    ((m) => ({ run: m.cancelCommand, help: m.CANCEL_HELP }))(await import("./commands/control.js")),
  hold: async () =>
    ((m) => ({ run: m.holdCommand, help: m.HOLD_HELP }))(await import("./commands/control.js")),
  release: async () =>
    ((m) => ({ run: m.releaseCommand, help: m.RELEASE_HELP }))(
      await import("./commands/control.js"),
    ),
  files: async () =>
    ((m) => ({ run: m.filesCommand, help: m.FILES_HELP }))(await import("./commands/files.js")),
  quota: async () =>
    ((m) => ({ run: m.quotaCommand, help: m.QUOTA_HELP }))(await import("./commands/quota.js")),
  history: async () =>
    ((m) => ({ run: m.historyCommand, help: m.HISTORY_HELP }))(
      await import("./commands/history.js"),
    ),
  clusters: async () =>
    ((m) => ({ run: m.clustersCommand, help: m.CLUSTERS_HELP }))(
      await import("./commands/clusters.js"),
    ),
  output: async () =>
    ((m) => ({ run: m.outputCommand, help: m.OUTPUT_HELP }))(await import("./commands/output.js")),
  qos: async () =>
    ((m) => ({ run: m.qosCommand, help: m.QOS_HELP }))(await import("./commands/qos.js")),
  account: async () =>
    ((m) => ({ run: m.accountCommand, help: m.ACCOUNT_HELP }))(
      await import("./commands/account.js"),
    ),
  admin: async () =>
    ((m) => ({ run: m.adminCommand, help: m.ADMIN_HELP }))(await import("./commands/admin.js")),
  money: async () =>
    ((m) => ({ run: m.moneyCommand, help: m.MONEY_HELP }))(await import("./commands/money.js")),
  network: async () =>
    ((m) => ({ run: m.networkCommand, help: m.NETWORK_HELP }))(
      await import("./commands/network.js"),
    ),
  report: async () =>
    ((m) => ({ run: m.reportCommand, help: m.REPORT_HELP }))(await import("./commands/report.js")),
  shims: async () =>
    ((m) => ({ run: m.shimsCommand, help: m.SHIMS_HELP }))(await import("./commands/shims.js")),
  sim: async () =>
    ((m) => ({ run: m.simCommand, help: m.SIM_HELP }))(await import("./commands/sim.js")),
  demo: async () =>
    ((m) => ({ run: m.demoCommand, help: m.DEMO_HELP }))(await import("./commands/demo.js")),
};

function version(): string {
  const pkg = JSON.parse(
    readFileSync(new URL("../../../package.json", import.meta.url), "utf8"),
  ) as { version: string };
  return pkg.version;
}

/** Commands where `-h` is Slurm's --noheader (squeue, sinfo), not help. */
const H_IS_NOHEADER = new Set(["jobs", "clusters"]);

/** Whether a command's arguments ask for its help (`--help`, or `-h` where that is help). */
function asksHelp(cmd: string, args: string[]): boolean {
  // after a script, words are the script's own ($1...): only a first --help is ours
  if (cmd === "submit" || cmd === "run") return args[0] === "--help" || args[0] === "-h";
  const end = args.indexOf("--");
  const ours = end === -1 ? args : args.slice(0, end);
  return ours.includes("--help") || (!H_IS_NOHEADER.has(cmd) && ours.includes("-h"));
}

function unknownCommand(word: string, what: string): number {
  const close = didYouMean(word, Object.keys(COMMANDS));
  process.stderr.write(
    `guang: ${what} "${word}"${close ? `; did you mean "${close}"?` : ""} (commands: ${Object.keys(COMMANDS).join(", ")}; see 'guang help')\n`,
  );
  return EXIT.usage;
}

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (cmd === undefined || cmd === "help" || cmd === "--help" || cmd === "-h") {
    if (rest[0] === undefined) {
      process.stdout.write(HELP);
      return EXIT.ok;
    }
    const topic = COMMANDS[rest[0]];
    if (!topic) return unknownCommand(rest[0], "no help on");
    process.stdout.write((await topic()).help);
    return EXIT.ok;
  }
  if (cmd === "version" || cmd === "--version" || cmd === "-V") {
    process.stdout.write(`guang ${version()}\n`);
    return EXIT.ok;
  }
  const load = COMMANDS[cmd];
  if (!load) return unknownCommand(cmd, "unknown command");
  const command = await load();
  if (asksHelp(cmd, rest)) {
    process.stdout.write(command.help);
    return EXIT.ok;
  }
  try {
    return await command.run(rest);
  } catch (e) {
    return reportError(e, { name: cmd, help: command.help, argv: rest });
  }
}

process.exitCode = await main(process.argv.slice(2));
