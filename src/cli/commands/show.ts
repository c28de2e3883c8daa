import { parseArgs } from "node:util";
import type { JobView } from "../../client/api-types.js";
import { invalidInput } from "../../core/errors.js";
import { ApiClient } from "../client.js";
import { EXIT } from "../exit.js";
import { formatTres } from "../../core/tres.js";
import { exitText, limitText, memText } from "../job-format.js";
import { timeText } from "../format.js";

export const SHOW_HELP = `usage: guang show JOBID [--json]

Shows one job as 'scontrol show job' does: state, reason, exit code, times, allocation,
planned start while it waits. JOBID is N or N_TASK.
`;

function describe(j: JobView): string {
  const r = j.request;
  const tres = j.alloc
    ? formatTres({
        cpu: j.alloc.cpus,
        mem: j.alloc.memMiB,
        gpu: j.alloc.gpus,
        gpuType: j.alloc.gpuType,
        node: 1,
      })
    : "";
  const pairs: [string, string | number][][] = [
    [
      ["JobId", j.id],
      ["JobName", j.name],
    ],
    ...(j.arrayJobId !== null
      ? [
          [
            ["ArrayJobId", j.arrayJobId],
            ["ArrayTaskId", j.arrayTaskId ?? ""],
          ] as [string, string | number][],
        ]
      : []),
    [
      ["UserId", j.user],
      ["Account", j.account],
      ["QOS", j.qos],
    ],
    [
      ["JobState", j.state],
      ["Reason", j.reason ?? "None"],
      ["Dependency", dependencyText(j.dependency ?? null)],
    ],
    [
      ["ExitCode", exitText(j)],
      ["Held", j.held ?? "no"],
    ],
    [
      ["RunTime", limitText(j.elapsed ?? 0)],
      ["TimeLimit", limitText(j.timeLimit)],
    ],
    [
      ["SubmitTime", timeText(j.submitTime)],
      ["EligibleTime", timeText(j.beginTime ?? j.submitTime)],
    ],
    [
      ["StartTime", timeText(j.startTime ?? j.plannedStart)],
      ["EndTime", timeText(j.endTime)],
    ],
    [
      ["Partition", j.partition],
      ["Cluster", j.cluster],
      ["ClusterJobId", j.clusterJobId ?? "(null)"],
      ["NodeList", j.alloc?.node ?? "(null)"],
    ],
    [
      ["NumTasks", r.tasks ?? 1],
      ["CPUs/Task", r.cpusPerTask ?? 1],
      ["ReqMem", memText(r.memPerNode ?? r.memPerCpu) || "default"],
    ],
    ...(j.alloc
      ? [
          [
            ["AllocTRES", tres],
            ["Cores", j.alloc.cores.join(",")],
            ["GPUs", j.alloc.gpuIndices.join(",") || "(null)"],
          ] as [string, string | number][],
        ]
      : []),
    [
      ["CPUTime", j.cpuSeconds === null ? "Unknown" : `${j.cpuSeconds}s`],
      ["MaxRSS", memText(j.maxRssMiB) || "Unknown"],
    ],
    // what it cost (so far, while it runs), and while it is active what is held for it
    [
      ["Cost", j.cost ?? "0.00"],
      ...(j.state === "PENDING" || j.state === "RUNNING"
        ? ([["MoneyHeld", j.hold]] as [string, string][])
        : []),
    ],
    [["WorkDir", j.workdir]],
    [["StdOut", j.stdout]],
    [["StdErr", j.stderr]],
  ];
  return (
    pairs
      .map((line) => `   ${line.map(([k, v]) => `${k}=${v}`).join(" ")}`)
      .join("\n")
      .replace(/^ {3}/, "") + placementText(j.placement)
  );
}

/** Where a job that named several clusters (or any) went: the choice and each cluster weighed. */
function placementText(p: JobView["placement"]): string {
  if (!p) return "";
  const asked = p.asked === "any" ? "any" : p.asked.join(",");
  const lines = [`   Placement=${p.chosen} (asked -M ${asked}): ${p.why}`];
  for (const c of p.considered)
    lines.push(
      `     ${c.cluster}: ${
        c.refused ??
        `starts ${c.startsAt ? timeText(c.startsAt) : "unknown"}, ${c.perHour} an hour${c.partition ? ` in ${c.partition}` : ""}`
      }`,
    );
  for (const m of p.moved ?? [])
    lines.push(`   Moved=${m.from}->${m.to} at ${timeText(m.at)}: ${m.why}`);
  return `\n${lines.join("\n")}`;
}

/** A dependency as it was written: afterok:12:13_2,afterany:14 (? between clauses for "any"). */
function dependencyText(d: JobView["dependency"]): string {
  if (!d) return "(null)";
  const clauses = d.clauses.map(
    (c) =>
      `${c.type}:${c.targets.map((t) => `${t.jobId}${t.taskId === null ? "" : `_${t.taskId}`}`).join(":")}`,
  );
  if (d.singleton) clauses.push("singleton");
  return clauses.join(d.any ? "?" : ",");
}

export async function showCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: { json: { type: "boolean" } },
  });
  if (positionals.length !== 1) throw invalidInput("give one job id: guang show JOBID");
  const client = ApiClient.fromEnvironment();
  const j = await client.request<JobView>(
    "GET",
    `/api/v1/jobs/${encodeURIComponent(positionals[0]!)}`,
  );
  // an array's id shows every task, as scontrol does
  const jobs =
    j.arrayJobId === j.id && !positionals[0]!.includes("_")
      ? (
          await client.request<{ jobs: JobView[] }>(
            "GET",
            `/api/v1/jobs?id=${j.id}&limit=1000&order=asc`,
          )
        ).jobs
      : [j];
  process.stdout.write(
    values.json
      ? `${JSON.stringify(jobs.length === 1 ? j : jobs, null, 2)}\n`
      : `${jobs.map(describe).join("\n\n")}\n`,
  );
  return EXIT.ok;
}
