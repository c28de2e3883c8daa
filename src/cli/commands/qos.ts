import { parseArgs } from "node:util";
import type { QosView } from "../../client/api-types.js";
import { formatSlurmDuration } from "../../core/duration.js";
import { invalidInput } from "../../core/errors.js";
import { ApiClient } from "../client.js";
import { printResult, table } from "../format.js";

export const QOS_HELP = `usage: guang qos [--json]
       guang qos set NAME [--priority N] [--max-wall TIME] [--max-jobs-per-user N]
                          [--max-cpus-per-user N] [--max-gpus-per-user N]
                          [--max-cpus-per-job N] [--max-gpus-per-job N]
                          [--price-factor X] [--description TEXT] [--json]

Service classes (QoS), like sacctmgr show qos: a job asks for one with -q/--qos (normal
by default). Its priority raises the job's place in the queue; its limits are checked at
submission (jobs per user, cpus and GPUs a job, MaxWall) and while scheduling (cpus and
GPUs per user, reason QOSMaxCpuPerUserLimit / QOSMaxGRESPerUser); its price factor
multiplies the partition's price.
"set" creates or changes one (center admins); "none" removes a limit.
`;

const none = (v: string | undefined, what: string): number | null | undefined => {
  if (v === undefined) return undefined;
  if (v === "none") return null;
  if (!/^\d+$/.test(v)) throw invalidInput(`${what} is a whole number or "none", not "${v}"`);
  return Number(v);
};

const limit = (n: number | null, f: (x: number) => string = String) => (n === null ? "-" : f(n));

function qosTable(list: QosView[]): string {
  return table(
    ["NAME", "PRIORITY", "MAXWALL", "MAXJOBSPU", "MAXCPUSPU", "MAXGPUSPU", "MAXTRESPJ", "PRICE×"],
    list.map((q) => [
      q.name,
      String(q.priority),
      limit(q.maxWall, formatSlurmDuration),
      limit(q.maxJobsPerUser),
      limit(q.maxCpusPerUser),
      limit(q.maxGpusPerUser),
      [
        q.maxCpusPerJob === null ? "" : `cpu=${q.maxCpusPerJob}`,
        q.maxGpusPerJob === null ? "" : `gres/gpu=${q.maxGpusPerJob}`,
      ]
        .filter(Boolean)
        .join(",") || "-",
      q.priceFactor,
    ]),
  );
}

async function setQos(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: {
      priority: { type: "string" },
      "max-wall": { type: "string" },
      "max-jobs-per-user": { type: "string" },
      "max-cpus-per-user": { type: "string" },
      "max-gpus-per-user": { type: "string" },
      "max-cpus-per-job": { type: "string" },
      "max-gpus-per-job": { type: "string" },
      "price-factor": { type: "string" },
      description: { type: "string" },
      json: { type: "boolean" },
    },
  });
  if (positionals.length !== 1) throw invalidInput("usage: guang qos set NAME [options]");
  const wall = values["max-wall"];
  const body = Object.fromEntries(
    Object.entries({
      priority: none(values.priority, "--priority") ?? undefined,
      maxWall: wall === "none" ? null : wall,
      maxJobsPerUser: none(values["max-jobs-per-user"], "--max-jobs-per-user"),
      maxCpusPerUser: none(values["max-cpus-per-user"], "--max-cpus-per-user"),
      maxGpusPerUser: none(values["max-gpus-per-user"], "--max-gpus-per-user"),
      maxCpusPerJob: none(values["max-cpus-per-job"], "--max-cpus-per-job"),
      maxGpusPerJob: none(values["max-gpus-per-job"], "--max-gpus-per-job"),
      priceFactor: values["price-factor"],
      description: values.description,
    }).filter(([, v]) => v !== undefined),
  );
  const q = await ApiClient.fromEnvironment().request<QosView>(
    "PUT",
    `/api/v1/qos/${encodeURIComponent(positionals[0]!)}`,
    body,
  );
  return printResult(values.json, q, () => qosTable([q]));
}

export async function qosCommand(argv: string[]): Promise<number> {
  if (argv[0] === "set") return setQos(argv.slice(1));
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: { json: { type: "boolean" } },
  });
  const { qos } = await ApiClient.fromEnvironment().request<{ qos: QosView[] }>(
    "GET",
    "/api/v1/qos",
  );
  return printResult(values.json, qos, () => qosTable(qos));
}
