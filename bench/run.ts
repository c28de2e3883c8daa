import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { benchGeneralPass } from "./general-pass.js";
import { benchLocalJobs } from "./local-jobs.js";
import { removeBenchUser } from "./bench-server.js";
import { benchOutputReaders } from "./output-readers.js";
import { benchApiRate } from "./api-rate.js";
import { benchSlurmSubmit } from "./slurm-submit.js";
import { benchTrace, TRACE_GOALS } from "./sim-traces.js";
import { benchUsageReport } from "./usage-report.js";
import { benchPortal } from "./portal.js";
import { benchUsageChart } from "./usage-chart.js";
import { benchFiles } from "./files.js";
import { benchVirtualLoad } from "./virtual-load.js";

/**
 * `npm run bench` runs every benchmark and prints each figure with its ratio to the goal or
 * peer the issue names; `--quick` is the smoke run of CI (fewer repetitions, same figures).
 * Benchmarks report; they do not fail on a slow machine — tests assert behaviour, not time.
 */
const quick = process.argv.includes("--quick");
const repeat = quick ? 1 : 5;
const root = fileURLToPath(new URL("../../", import.meta.url));
const traces = process.env.GUANG_TRACES ?? join(root, "..", "shared", "data", "traces");

const fmt = (x: number, d = 3) => x.toFixed(d);
console.log(`guang bench${quick ? " (quick)" : ""} — node ${process.version}\n`);

console.log("trace replay (read + conventions + replay):");
for (const g of TRACE_GOALS) {
  const f = benchTrace(traces, g.file, g.policy, repeat);
  if (f === null) {
    console.log(`  skipped: ${g.file} not found in ${traces}`);
    continue;
  }
  const peer =
    g.peer !== null
      ? `; ${fmt(g.peer / f.seconds, 1)}× faster than the reference simulator (${g.peer} s)`
      : "";
  console.log(
    `  ${f.trace} ${f.policy}: ${f.jobs} jobs in ${fmt(f.seconds)} s (goal ≤ ${g.goal} s: ${fmt(f.seconds / g.goal, 2)} of it${peer})`,
  );
}

console.log(
  "\ngeneral pass (node-aware, multifactor with Fair Tree), 10,000 waiting jobs on 10,000 nodes:",
);
for (const policy of ["fcfs", "easy"] as const) {
  const f = benchGeneralPass(policy, quick ? 11 : 21); // odd counts; the first runs warm the JIT
  console.log(
    `  ${policy}: median ${fmt(f.msMedian, 1)} ms, best ${fmt(f.msMin, 1)} ms (goal ≤ 20 ms: ${fmt(f.msMedian / 20, 2)} of it); ${f.running} running, ${f.started} started`,
  );
}
const c = benchGeneralPass("conservative", quick ? 1 : 3);
console.log(
  `  conservative (depth 100): median ${fmt(c.msMedian, 0)} ms (no goal set; reservations for 100 jobs on a full 10,000-node cluster)`,
);

const n = quick ? 200 : 1000;
console.log(
  `\nlocal cluster: ${n} trivial 1-CPU jobs through the REST API until all are accounted for:`,
);
const lj = await benchLocalJobs(n);
console.log(
  `  ${fmt(lj.jobsPerSecond, 0)} jobs/s on ${lj.cores} cores (${fmt(lj.seconds, 2)} s; goal ≥ 300 jobs/s: ${fmt(lj.jobsPerSecond / 300, 2)}× of it); ` +
    `submit→running p50 ${fmt(lj.submitToRunningP50Ms, 1)} ms, p99 ${fmt(lj.submitToRunningP99Ms, 1)} ms`,
);
console.log(
  `  raw spawn('bash', ['-c', 'true']) at ${lj.cores} at a time: ${fmt(lj.rawPerSecond, 0)}/s; Guang reaches ${fmt(lj.jobsPerSecond / lj.rawPerSecond, 2)} of it (goal ≥ 0.33); ` +
    `Slurm 22.05 on this machine: 0.78 jobs/s (${fmt(lj.jobsPerSecond / 0.78, 0)}× that)`,
);

const vNodes = quick ? 1000 : 10_000;
const vJobs = quick ? 10_000 : 100_000;
console.log(
  `\nvirtual cluster under load: ${vJobs.toLocaleString("en")} whole-node jobs through POST /jobs onto ${vNodes.toLocaleString("en")} virtual nodes:`,
);
const vl = await benchVirtualLoad(vNodes, vJobs);
console.log(
  `  ${fmt(vl.submitsPerSecond, 0)} submissions/s with ${vl.concurrency} clients (p50 ${fmt(vl.submitP50Ms, 1)} ms, p99 ${fmt(vl.submitP99Ms, 1)} ms), ` +
    `${fmt((vl.submitsPerSecond * 86400) / 50_000, 0)}× the 50,000 jobs a day Slurm's federation is documented for`,
);
console.log(
  `  scheduling passes with ${vl.waiting.toLocaleString("en")} waiting and ${vl.running.toLocaleString("en")} running: p50 ${fmt(vl.passP50Ms, 1)} ms, p99 ${fmt(vl.passP99Ms, 1)} ms (the last 100 of ${vl.passes}); server RSS ${fmt(vl.rssMiB, 0)} MiB`,
);

console.log(`\nAPI and CLI as their users meet them:`);
const ctc = join(traces, "CTC-SP2-1996-3.1-cln.swf.gz");
const ar = await benchApiRate(
  quick ? 3 : 10,
  quick ? 5 : 15,
  quick ? 50 : 300,
  existsSync(ctc) ? ctc : null,
);
console.log(
  `  GET /jobs?limit=50 as an authenticated user: ${fmt(ar.listPerSecond, 0)} requests/s (${ar.concurrency} keep-alive clients)`,
);
console.log(
  `  whole processes, median: node -e 0 ${fmt(ar.nodeMs, 0)} ms; guang help ${fmt(ar.helpMs, 0)} ms (${fmt(ar.helpMs / ar.nodeMs, 2)}× node; goal ≤ 2×); ` +
    `guang jobs ${fmt(ar.jobsMs, 0)} ms (${fmt(ar.jobsMs / ar.nodeMs, 2)}× node; goal ≤ 2×)`,
);
console.log(
  ar.simMs === null
    ? `  guang sim: skipped (CTC-SP2 not found in ${traces}; set GUANG_TRACES)`
    : `  guang sim CTC-SP2 EASY as a whole process: ${fmt(ar.simMs / 1000, 3)} s (goal ≤ 0.45 s: ${fmt(ar.simMs / 450, 2)} of it; the reference simulator takes 14.1 s: ${fmt(14100 / ar.simMs, 0)}× faster)`,
);
console.log(
  `  POST /jobs (a held job), one after another: p50 ${fmt(ar.submitP50Ms, 1)} ms, p99 ${fmt(ar.submitP99Ms, 1)} ms`,
);

const outMiB = quick ? 50 : 200;
console.log(
  `\njob output: four readers page through a ${outMiB} MiB output (1 MiB pages) while another user lists jobs:`,
);
const or = await benchOutputReaders(outMiB, quick ? 100 : 300);
console.log(
  `  GET /jobs p95 ${fmt(or.busyP95Ms, 1)} ms meanwhile (p50 ${fmt(or.busyP50Ms, 1)} ms; quiet: p95 ${fmt(or.quietP95Ms, 1)} ms); goal ≤ 50 ms: ${fmt(or.busyP95Ms / 50, 2)} of it; ` +
    `the readers got ${fmt(or.readMiBps, 0)} MiB/s together`,
);

const fileMiB = quick ? 512 : 5120;
console.log(
  `\nfiles: one ${fileMiB} MiB file up and down with guang files put / get (whole processes, loopback), against cp:`,
);
const ff = await benchFiles(fileMiB).catch((e: Error) => e);
if (ff instanceof Error) console.log(`  not measured: ${ff.message}`);
else {
  console.log(
    `  put ${fmt(ff.putMiBps, 0)} MiB/s, get ${fmt(ff.getMiBps, 0)} MiB/s; cp ${fmt(ff.cpMiBps, 0)} MiB/s (put ${fmt(ff.putMiBps / ff.cpMiBps, 2)}×, get ${fmt(ff.getMiBps / ff.cpMiBps, 2)}× of cp)`,
  );
  console.log(
    `  the server's memory during the upload: ${fmt(ff.rssBeforeMiB, 0)} MiB before, grew by ${fmt(ff.rssGrowthMiB, 1)} MiB at most (goal ≤ 50 MB for 5 GB: ${fmt((ff.rssGrowthMiB * 1048576) / 50e6, 2)} of it)`,
  );
}

const stored = quick ? 200_000 : 1_000_000;
console.log(
  `\nusage report: a month by account with ${stored.toLocaleString("en")} jobs stored (a year of history, SQLite):`,
);
const ur = await benchUsageReport(stored, quick ? 3 : 7);
console.log(
  `  ${fmt(ur.msMedian, 1)} ms for ${ur.monthJobs} jobs of the month in ${ur.accounts} accounts (goal ≤ 200 ms with 1,000,000 stored: ${fmt(ur.msMedian / 200, 2)} of it); history written in ${fmt(ur.insertSeconds, 1)} s`,
);

const monthJobs = quick ? 200_000 : 1_000_000;
console.log(
  `\nusage explorer: its page in Debian's Chromium, a month of ${monthJobs.toLocaleString("en")} jobs by account and day:`,
);
const uc = await benchUsageChart(monthJobs, quick ? 3 : 5).catch((e: Error) => e);
if (uc === null) console.log("  skipped: no chromium (apt-get install chromium)");
else if (uc instanceof Error) console.log(`  not measured: ${uc.message}`);
else
  console.log(
    `  the report answered in ${fmt(uc.answerMs, 0)} ms (goal ≤ 200 ms: ${fmt(uc.answerMs / 200, 2)} of it); the chart drawn ${fmt(uc.drawMs, 0)} ms after (goal ≤ 500 ms: ${fmt(uc.drawMs / 500, 2)} of it); ${fmt(uc.pageMs, 0)} ms from opening the page`,
  );

const sn = quick ? 20 : 100;
console.log(
  `\nSlurm: ${sn} held jobs submitted through Guang's REST API (checks, hold, sbatch as the user, the job written), one at a time:`,
);
// a benchmark reports: a Slurm that will not take the jobs is said, not a crash of the whole run
const ss = await benchSlurmSubmit(sn).catch((e: Error) => e);
if (ss === null)
  console.log("  skipped: no Slurm (run as root with scripts/slurm-test-cluster.sh up)");
else if (ss instanceof Error) console.log(`  not measured: ${ss.message}`);
else {
  console.log(
    `  ${fmt(ss.guangPerSecond, 1)} submissions/s; plain sbatch in a loop: ${fmt(ss.sbatchPerSecond, 1)}/s; Guang reaches ${fmt(ss.guangPerSecond / ss.sbatchPerSecond, 2)} of sbatch's rate (the limit: it runs sbatch)`,
  );
}

console.log(`\nthe portal in Debian's Chromium on loopback:`);
const pf = await benchPortal(quick ? 3 : 7).catch((e: Error) => e);
if (pf === null) console.log("  skipped: no chromium (apt-get install chromium)");
else if (pf instanceof Error) console.log(`  not measured: ${pf.message}`);
else {
  console.log(
    `  dashboard, first load with an empty cache: its accounts' money shows after median ${fmt(pf.firstShownMs, 0)} ms, its chart after ${fmt(pf.firstLoadMs, 0)} ms (goal ≤ 1000 ms: ${fmt(pf.firstLoadMs / 1000, 2)} of it)`,
  );
  console.log(
    `  its JavaScript, gzipped: ${fmt(pf.jsFirstGzKiB, 0)} KiB without the chart's own chunk, ${fmt(pf.jsGzKiB, 0)} KiB with it, in ${pf.jsFiles} files (goal ≤ 300 KB: ${fmt((pf.jsFirstGzKiB * 1024) / 300_000, 2)} of it without the chart)`,
  );
  console.log(
    `  a job recorded by the server → its row on the open jobs page (SSE): median ${fmt(pf.eventToPageMs, 0)} ms (goal ≤ 300 ms: ${fmt(pf.eventToPageMs / 300, 2)} of it)`,
  );
  const s = pf.scroll;
  console.log(
    `  ${s.jobs} jobs on the jobs page: listed after ${fmt(s.listedMs, 0)} ms; scrolling, a frame takes median ${fmt(s.frameMs, 1)} ms, 95% within ${fmt(s.frameP95Ms, 1)} ms (goal 60 frames/s, ≤ 16.7 ms: ${fmt(s.frameMs / (1000 / 60), 2)} of it)`,
  );
}

removeBenchUser();
