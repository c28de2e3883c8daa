#!/usr/bin/env node
import { readFileSync } from "node:fs";
import { demoCommand, DEMO_HELP } from "./commands/demo.js";
import { simCommand, SIM_HELP } from "./commands/sim.js";
import { EXIT, reportError } from "./exit.js";

const HELP = `guang — Guang 光, the software that runs an intelligent supercomputing center

usage: guang <command> [options]

commands:
  sim TRACE     replay a Standard Workload Format trace with Guang's scheduler
  demo          compare scheduling policies on a synthetic workload
  help [CMD]    this help, or a command's
  version       print the version

exit codes: 0 ok, 1 refused by the server, 2 bad usage or input
`;

const COMMANDS: Record<string, { run: (argv: string[]) => number; help: string }> = {
  sim: { run: simCommand, help: SIM_HELP },
  demo: { run: demoCommand, help: DEMO_HELP },
};

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8")) as { version: string };
  return pkg.version;
}

export function main(argv: string[]): number {
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
    return command.run(rest);
  } catch (e) {
    return reportError(e);
  }
}

process.exitCode = main(process.argv.slice(2));
