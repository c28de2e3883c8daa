import { parseArgs } from "node:util";
import { invalidInput } from "../../core/errors.js";

export const ADMIN_HELP = `usage: guang admin <tenant|user|account|cluster|audit> ...   (for center and tenant admins)

  tenant list | show NAME
  tenant create NAME --admin USER [--email E] [--password-stdin]
  tenant disable NAME --reason TEXT | enable NAME     (center admins: its accounts take no new jobs)
  user list [--tenant T] | show NAME
  user create NAME [--tenant T] [--role R]... [--email E] [--unix-name N] [--uid N --gid N] [--home DIR] [--password-stdin]
  user set NAME [--role R]... [--no-roles] [--email E] [--unix-name N] [--uid N --gid N] [--home DIR]
                [--disable | --enable] [--unlock] [--password-stdin]
  account list [--tenant T] | show NAME
  account create NAME --owner USER [--tenant T] [limits] [--partitions a,b] [--qos a,b] [--clusters a,b]
  account set NAME [limits] [--partitions a,b] [--qos a,b] [--clusters a,b]
  account block NAME --reason TEXT | unblock NAME
  cluster disable NAME --reason TEXT | enable NAME   (center admins: a disabled cluster takes no new jobs)
  audit [--tenant T] [--actor U] [--action A] [--result ok|denied|CODE] [--from TIME] [--to TIME] [--limit N] [--csv]

limits: --max-running-jobs N --max-submit-jobs N --max-cpus N --max-gpus N --max-time TIME ("none" lifts one)
Without --password-stdin a password is generated and shown once. Every subcommand takes --json.
Members of an account: guang account members.
`;

export const json = { json: { type: "boolean" } } as const;

export const enc = encodeURIComponent;

/**
 * `NAME --reason TEXT [--json]` of a command that stops something people use (a tenant, an
 * account, a cluster): refused in words, `why`, when no reason is given.
 */
export function nameAndReason(
  argv: string[],
  usage: string,
  why: string,
): { name: string; reason: string; json: boolean } {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: { ...json, reason: { type: "string" } },
  });
  const name = one(positionals, usage);
  if (!values.reason) throw invalidInput(why);
  return { name, reason: values.reason, json: values.json ?? false };
}

export function one(positionals: string[], usage: string): string {
  if (positionals.length !== 1) throw invalidInput(`usage: guang admin ${usage}`);
  return positionals[0]!;
}
