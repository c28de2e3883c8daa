#!/usr/bin/env node
import { readFileSync } from "node:fs";
import { ACCOUNT_HELP, accountCommand } from "./commands/account.js";
import { ADMIN_HELP, adminCommand } from "./commands/admin.js";
import { CANCEL_HELP, cancelCommand, HOLD_HELP, holdCommand, RELEASE_HELP, releaseCommand } from "./commands/control.js";
import { CLUSTERS_HELP, clustersCommand } from "./commands/clusters.js";
import { demoCommand, DEMO_HELP } from "./commands/demo.js";
import { HISTORY_HELP, historyCommand } from "./commands/history.js";
import { JOBS_HELP, jobsCommand } from "./commands/jobs.js";
import { LOGIN_HELP, loginCommand } from "./commands/login.js";
import { MONEY_HELP, moneyCommand } from "./commands/money.js";
import { PASSWD_HELP, passwdCommand } from "./commands/passwd.js";
import { REPORT_HELP, reportCommand } from "./commands/report.js";
import { SERVE_HELP, serveCommand } from "./commands/serve.js";
import { SHOW_HELP, showCommand } from "./commands/show.js";
import { simCommand, SIM_HELP } from "./commands/sim.js";
import { SUBMIT_HELP, submitCommand } from "./commands/submit.js";
import { EXIT, reportError } from "./exit.js";

const HELP = `guang — Guang 光, the software that runs an intelligent supercomputing center

usage: guang <command> [options]

commands:
  serve         run a center on this machine (REST API + local cluster)
  login         sign in to a center and keep the token
  passwd        change your password
  submit        submit a batch script (like sbatch)
  jobs          waiting and running jobs (like squeue)
  show JOBID    one job in detail (like scontrol show job)
  cancel JOBID  cancel jobs (like scancel); also hold, release
  history       finished and current jobs of a time window (like sacct)
  clusters      clusters, partitions and nodes (like sinfo)
  account       your accounts and their members (like sacctmgr show assoc)
  admin         tenants, users, accounts and the audit log (center and tenant admins)
  money         balances, the ledger, recharges, transfers, grants, prices, statements
  report        usage over a window: core-hours, GPU-hours, jobs, wait, cost (like XDMoD)
  sim TRACE     replay a Standard Workload Format trace with Guang's scheduler
  demo          compare scheduling policies on a synthetic workload
  help [CMD]    this help, or a command's
  version       print the version

exit codes: 0 ok, 1 refused by the server, 2 bad usage or input
`;

const COMMANDS: Record<string, { run: (argv: string[]) => number | Promise<number>; help: string }> = {
  serve: { run: serveCommand, help: SERVE_HELP },
  login: { run: loginCommand, help: LOGIN_HELP },
  passwd: { run: passwdCommand, help: PASSWD_HELP },
  submit: { run: submitCommand, help: SUBMIT_HELP },
  jobs: { run: jobsCommand, help: JOBS_HELP },
  show: { run: showCommand, help: SHOW_HELP },
  cancel: { run: cancelCommand, help: CANCEL_HELP },
  hold: { run: holdCommand, help: HOLD_HELP },
  release: { run: releaseCommand, help: RELEASE_HELP },
  history: { run: historyCommand, help: HISTORY_HELP },
  clusters: { run: clustersCommand, help: CLUSTERS_HELP },
  account: { run: accountCommand, help: ACCOUNT_HELP },
  admin: { run: adminCommand, help: ADMIN_HELP },
  money: { run: moneyCommand, help: MONEY_HELP },
  report: { run: reportCommand, help: REPORT_HELP },
  sim: { run: simCommand, help: SIM_HELP },
  demo: { run: demoCommand, help: DEMO_HELP },
};

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8")) as { version: string };
  return pkg.version;
}

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (cmd === undefined || cmd === "help" || cmd === "--help" || cmd === "-h") {
    const topic = rest[0] !== undefined ? COMMANDS[rest[0]] : undefined;
    process.stdout.write(topic ? topic.help : HELP);
    return EXIT.ok;
  }
  if (cmd === "version" || cmd === "--version" || cmd === "-V") {
    process.stdout.write(`guang ${version()}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS[cmd];
  if (!command) {
    process.stderr.write(`guang: unknown command "${cmd}"; commands: ${Object.keys(COMMANDS).join(", ")} (see 'guang help')\n`);
    return EXIT.usage;
  }
  try {
    return await command.run(rest);
  } catch (e) {
    return reportError(e);
  }
}

process.exitCode = await main(process.argv.slice(2));
