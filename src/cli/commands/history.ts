import { parseArgs } from "node:util";
import type { JobView } from "../../client/api-types.js";
import { parseBeginTime } from "../../core/begin-time.js";
import { formatSlurmDuration } from "../../core/duration.js";
import { invalidInput } from "../../core/errors.js";
import { ApiClient } from "../client.js";
import { EXIT } from "../exit.js";
import { table, timeText } from "../format.js";
import { exitText, limitText, memText } from "../job-format.js";
import { fetchAll, FILTER_FLAGS, filterQuery } from "./jobs.js";

/** Memory as --units asks: K, M, G or T (sacct's); null: as it reads best. */
type Units = "K" | "M" | "G" | "T" | null;

const FIELDS: Record<string, (j: JobView, units: Units) => string> = {
  jobid: (j) => j.jobId,
  jobidraw: (j) => String(j.id),
  jobname: (j) => j.name,
  user: (j) => j.user,
  account: (j) => j.account,
  partition: (j) => j.partition,
  qos: (j) => j.qos,
  cluster: (j) => j.cluster,
  state: (j) => j.state,
  exitcode: (j) => exitText(j),
  reason: (j) => j.reason ?? "None",
  elapsed: (j) => formatSlurmDuration(j.elapsed ?? 0),
  timelimit: (j) => limitText(j.timeLimit),
  submit: (j) => timeText(j.submitTime),
  start: (j) => timeText(j.startTime),
  end: (j) => timeText(j.endTime),
  alloccpus: (j) => String(j.alloc?.cpus ?? 0),
  allocgpus: (j) => String(j.alloc?.gpus ?? 0),
  // as sacct: what was asked, or the default the job was given
  reqmem: (j, u) => memIn(j.request.memPerNode ?? j.request.memPerCpu ?? j.alloc?.memMiB, u),
  maxrss: (j, u) => memIn(j.maxRssMiB, u),
  totalcpu: (j) => (j.cpuSeconds === null ? "" : formatSlurmDuration(j.cpuSeconds)),
  nodelist: (j) => j.alloc?.node ?? "None assigned",
  workdir: (j) => j.workdir,
  cost: (j) => j.cost ?? "",
  hold: (j) => j.hold,
};
// sacct's default, and what the job cost (in the center's currency)
const DEFAULT_FORMAT = "JobID,JobName,Partition,Account,AllocCPUS,State,ExitCode,Cost";

function memIn(mib: number | null | undefined, units: Units): string {
  if (mib === null || mib === undefined) return "";
  if (units === null) return memText(mib);
  const per = { K: 1 / 1024, M: 1, G: 1024, T: 1024 * 1024 }[units];
  const n = mib / per;
  return `${Number.isInteger(n) ? n : n.toFixed(2)}${units}`;
}

export const HISTORY_HELP = `usage: guang history [-S START] [-E END] [-u USER] [-s STATES] [-j IDS] [-A ACCOUNT]
                     [-p PARTITION] [--format F1,F2%W,...] [-P | --parsable] [-n] [-X] [-a] [--units K|M|G|T]
                     [--json]

Jobs of a time window, like sacct (default: since midnight). START/END: 2026-11-25,
2026-11-25T08:00, now-2hours, midnight... Fields: ${Object.keys(FIELDS).join(", ")}
(case-insensitive; %W sets a width). Default: ${DEFAULT_FORMAT}.
  -P, --parsable2   fields separated by "|" (--parsable: with a "|" at the end of each line)
  -n, --noheader    no header line
  -X, --allocations accepted, as sacct's: Guang records no job steps, so every line is one
  -a, --allusers    every user's jobs you may see (what an admin sees anyway)
  --units K|M|G|T   memory fields (ReqMem, MaxRSS) in this unit
`;

export async function historyCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      ...FILTER_FLAGS,
      starttime: { type: "string", short: "S" },
      endtime: { type: "string", short: "E" },
      state: { type: "string", short: "s" },
      format: { type: "string", short: "o" },
      parsable2: { type: "boolean", short: "P" },
      parsable: { type: "boolean" },
      noheader: { type: "boolean", short: "n" },
      allocations: { type: "boolean", short: "X" },
      allusers: { type: "boolean", short: "a" },
      units: { type: "string" },
    },
  });
  const now = Date.now();
  const midnight = new Date(now);
  midnight.setHours(0, 0, 0, 0);
  const from = values.starttime
    ? parseBeginTime(values.starttime, now, "-S/--starttime")
    : values.jobs
      ? null
      : midnight.getTime();
  const units = (values.units?.toUpperCase() ?? null) as Units;
  if (units !== null && !["K", "M", "G", "T"].includes(units))
    throw invalidInput(`--units ${values.units}: give K, M, G or T`);
  const to = values.endtime ? parseBeginTime(values.endtime, now, "-E/--endtime") : null;
  const cols = (values.format ?? DEFAULT_FORMAT).split(",").map((f) => {
    const [name, width] = f.split("%");
    const get = FIELDS[name!.toLowerCase()];
    if (!get)
      throw invalidInput(
        `--format: unknown field ${name}; fields: ${Object.keys(FIELDS).join(", ")}`,
      );
    return { name: name!, get, width: width ? Number(width) : null };
  });
  const q = filterQuery(values);
  if (from !== null) q.set("from", new Date(from).toISOString());
  if (to !== null) q.set("to", new Date(to).toISOString());
  q.set("order", "asc");
  const jobs = await fetchAll(ApiClient.fromEnvironment(), q);
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ jobs }, null, 2)}\n`);
    return EXIT.ok;
  }
  if (values.parsable2 || values.parsable) {
    // sacct -P: no widths, no padding, "|" between fields (-p: after each field)
    const end = values.parsable ? "|" : "";
    const lines = [
      ...(values.noheader ? [] : [cols.map((c) => c.name).join("|") + end]),
      ...jobs.map((j) => cols.map((c) => c.get(j, units)).join("|") + end),
    ];
    if (lines.length) process.stdout.write(`${lines.join("\n")}\n`);
    return EXIT.ok;
  }
  const cut = (s: string, w: number | null) =>
    w === null ? s : s.length > w ? `${s.slice(0, w - 1)}+` : s.padEnd(w);
  const rows = jobs.map((j) => cols.map((c) => cut(c.get(j, units), c.width)));
  const text = table(
    cols.map((c) => cut(c.name, c.width)),
    rows,
  );
  const out = values.noheader ? text.split("\n").slice(1).join("\n") : text;
  if (out) process.stdout.write(`${out}\n`);
  return EXIT.ok;
}
