import { describe, expect, it } from "vitest";
import {
  driftOf,
  parseAssociations,
  planAssociations,
} from "../../src/backends/slurm/slurm-associations.js";
import {
  finalState,
  nodeReason,
  parseSacct,
  parseScontrol,
  parseSqueue,
  slurmElapsed,
  slurmLimit,
  squeueFormat,
  tresAlloc,
} from "../../src/backends/slurm/slurm-output.js";
import { sbatchArgs } from "../../src/backends/slurm/sbatch-args.js";
import { parseCenterConfig } from "../../src/app/center-config.js";

// what Slurm 22.05.8 printed on this project's test cluster
const SQUEUE =
  "41|41|5|RUNNING|None|cpu=1,mem=500M,node=1,billing=1|2026-11-30T02:51:12|vm|alice|lab1|batch|a|b name\n42|42|N/A|PENDING|AssocGrpCpuLimit||N/A||alice|lab1|batch|wrap|\n";
const SACCT =
  "1|1_5|COMPLETED|0:0|2026-11-30T02:51:12|2026-11-30T02:51:12|2026-11-30T02:51:32|billing=1,cpu=1,mem=500M,node=1|vm|525600|alice|lab1|batch|normal|00:00.512|wrap\n" +
  "7|7|CANCELLED by 0|0:15|2026-11-30T03:00:00|Unknown|2026-11-30T03:00:05||None assigned|1|alice|lab1|short|normal|00:00:00|x\n";
const NODE =
  "NodeName=vm Arch=x86_64 CoresPerSocket=1  CPUAlloc=1 CPUEfctv=2 CPUTot=2 Gres=gpu:a100:4(S:0) OS=Linux 6.18.44-fc-v657 #1 SMP PREEMPT_DYNAMIC @0  RealMemory=12052 AllocMem=500 State=MIXED Partitions=batch,short AllocTRES=cpu=1,mem=500M,gres/gpu=1";

describe("reading Slurm's machine-readable output", () => {
  it("reads squeue -O with | after each field, a name with | in it last", () => {
    expect(squeueFormat()).toMatch(/^JobID:0\|,ArrayJobID:0\|,.*,Name:0\|$/);
    const [run, wait] = parseSqueue(SQUEUE);
    expect(run).toMatchObject({
      slurmId: "41",
      state: "RUNNING",
      reason: null,
      user: "alice",
      account: "lab1",
      partition: "batch",
      name: "a|b name",
    });
    expect(run!.alloc).toEqual({
      node: "vm",
      cpus: 1,
      memMiB: 500,
      gpus: 0,
      gpuType: null,
      cores: [],
      gpuIndices: [],
    });
    expect(run!.startMs).toBe(new Date("2026-11-30T02:51:12").getTime());
    expect(wait).toMatchObject({
      slurmId: "42",
      state: "PENDING",
      reason: "AssocGrpCpuLimit",
      alloc: null,
      startMs: null,
    });
  });

  it("reads sacct -P: exit code and signal, times, allocation, the state without 'by UID'", () => {
    const [done, cancelled] = parseSacct(SACCT);
    expect(done).toMatchObject({
      slurmId: "1",
      shownId: "1_5",
      baseState: "COMPLETED",
      exitCode: 0,
      signal: 0,
      timeLimit: 525600 * 60,
      cpuSeconds: 0.512,
      name: "wrap",
    });
    expect(done!.endMs! - done!.startMs!).toBe(20000);
    expect(cancelled).toMatchObject({
      baseState: "CANCELLED",
      state: "CANCELLED by 0",
      exitCode: 0,
      signal: 15,
      startMs: null,
      alloc: null,
    });
    expect(finalState("NODE_FAIL")).toEqual({ state: "FAILED", reason: "NODE_FAIL" });
    expect(finalState("TIMEOUT")).toEqual({ state: "TIMEOUT", reason: null });
  });

  it("reads scontrol -o lines whose values hold spaces, TRES with GPU types, limits and elapsed times", () => {
    const [n] = parseScontrol(NODE);
    expect(n).toMatchObject({
      NodeName: "vm",
      CPUTot: "2",
      OS: "Linux 6.18.44-fc-v657 #1 SMP PREEMPT_DYNAMIC @0",
      RealMemory: "12052",
      Partitions: "batch,short",
    });
    expect(tresAlloc("cpu=8,mem=64G,node=1,gres/gpu=2,gres/gpu:a100=2", "gn1")).toMatchObject({
      cpus: 8,
      memMiB: 65536,
      gpus: 2,
      gpuType: "a100",
    });
    expect([
      slurmLimit("UNLIMITED"),
      slurmLimit("NONE"),
      slurmLimit("00:05:00"),
      slurmLimit("1-00:00:00"),
      slurmLimit("30"),
    ]).toEqual([null, null, 300, 86400, 1800]);
    expect([
      slurmElapsed("01:02:03"),
      slurmElapsed("02:03.250"),
      slurmElapsed("2-00:00:00"),
      slurmElapsed(""),
    ]).toEqual([3723, 123.25, 172800, null]);
  });

  it("reads a drained node's Reason: what, who and when, as sinfo -R lists them", () => {
    const [n] = parseScontrol(
      "NodeName=gn1 State=IDLE+DRAIN CPUTot=64 Reason=swap the fan [root@2026-12-02T10:15:00] Comment=(null)\n",
    );
    expect(nodeReason(n!.Reason)).toEqual({
      text: "swap the fan",
      user: "root",
      at: "2026-12-02T10:15:00",
    });
    expect(nodeReason("Not responding")).toEqual({ text: "Not responding", user: null, at: null });
    expect([nodeReason(undefined), nodeReason("(null)")]).toEqual([null, null]);
  });
});

describe("keeping Slurm's associations as Guang has them", () => {
  const desired = [
    {
      name: "lab1",
      tenant: "pku",
      limits: { maxCpus: 64, maxRunningJobs: 10 },
      blocked: false,
      members: [{ user: "alice", limits: { maxRunningJobs: 2 } }],
    },
    { name: "lab2", tenant: "pku", limits: { maxCpus: 64 }, blocked: true, members: [] },
  ];

  it("creates what is missing, blocks with GrpTRES cpu=0, removes users Guang does not list, leaves other accounts alone", () => {
    const actual = parseAssociations(
      "lab1||cpu=64|10|||\nlab1|alice||||2|\nlab1|mallory|||||\nlab2||||||\nother||cpu=1||||\n",
    );
    const plan = planAssociations("c1", desired, actual);
    expect(plan.commands.map((c) => c.args)).toEqual([
      ["remove", "user", "mallory", "account=lab1", "cluster=c1"],
      ["modify", "account", "where", "name=lab2", "cluster=c1", "set", "GrpTRES=cpu=0"],
    ]);
    expect(plan.commands.map((c) => c.change)).toEqual([
      "user mallory removed from account lab1 (not a member in Guang)",
      "account lab2: GrpTRES/cpu none → 0",
    ]);
    const fresh = planAssociations("c1", [desired[0]!], []);
    expect(fresh.commands.map((c) => c.args)).toEqual([
      ["add", "account", "lab1", "cluster=c1", "Description=pku", "Organization=pku"],
      [
        "modify",
        "account",
        "where",
        "name=lab1",
        "cluster=c1",
        "set",
        "GrpTRES=cpu=64",
        "GrpJobs=10",
      ],
      ["add", "user", "alice", "account=lab1", "cluster=c1"],
      ["modify", "user", "where", "name=alice", "account=lab1", "cluster=c1", "set", "MaxJobs=2"],
    ]);
  });

  it("calls drift what differs from what Guang set last: a lifted block, a removed user", () => {
    const settled = planAssociations("c1", desired, []).settled;
    const now = parseAssociations("lab1||cpu=64|10|||\nlab2||||||\n");
    expect(driftOf(now, settled)).toEqual([
      "account lab2: GrpTRES/cpu is none, Guang had set 0",
      "user alice in account lab1: gone from Slurm",
    ]);
    expect(
      driftOf(
        parseAssociations("lab1||cpu=64|10|||\nlab1|alice||||2|\nlab2||cpu=0||||\n"),
        settled,
      ),
    ).toEqual([]);
  });
});

describe("the sbatch command line", () => {
  it("passes what Guang resolved, one array task per job, the dependency in Slurm's ids", () => {
    const job = {
      id: 9,
      arrayJobId: 8,
      arrayTaskId: 3,
      array: null,
      name: "j",
      user: "ann",
      userId: 1,
      posix: null,
      mail: { types: [], to: null },
      account: "lab1",
      accountId: 1,
      partition: "batch",
      qos: "normal",
      request: { tasks: 2, cpusPerTask: 4, memPerCpu: 1000, gpusPerNode: 1, gpuType: "a100" },
      timeLimit: 5400,
      submitMs: 0,
      beginMs: null,
      held: "user" as const,
      dependency: null,
      workdir: "/w",
      stdout: "/w/o",
      stderr: "/w/e",
      env: {},
      script: "",
      scriptArgs: [],
      state: "PENDING" as const,
      killReason: null,
      reason: null,
      plannedStartMs: null,
      startMs: null,
      alloc: null,
      pid: null,
      pidStart: null,
      externalId: null,
      externalDependency: "afterok:41:42",
    };
    expect(sbatchArgs(job)).toEqual([
      "--parsable",
      "--job-name=j",
      "--account=lab1",
      "--partition=batch",
      "--qos=normal",
      "--comment=guang:9",
      "--chdir=/w",
      "--output=/w/o",
      "--error=/w/e",
      "--export=ALL",
      "--time=01:30:00",
      "--ntasks=2",
      "--cpus-per-task=4",
      "--mem-per-cpu=1000M",
      "--gres=gpu:a100:1",
      "--array=3",
      "--hold",
      "--dependency=afterok:41:42",
    ]);
  });
});

describe("center config: clusters", () => {
  it("takes Slurm clusters with their defaults, and refuses a name taken or a backend unknown", () => {
    const c = parseCenterConfig(
      { clusters: [{ name: "hpc", backend: "slurm", pollSeconds: 2 }] },
      "test",
    );
    expect(c.slurm).toEqual([
      {
        name: "hpc",
        bin: null,
        slurmCluster: null,
        pollMs: 2000,
        accountingMs: 30000,
        syncMs: 60000,
        timeoutSeconds: 30,
      },
    ]);
    expect(() =>
      parseCenterConfig({ clusters: [{ name: "local", backend: "slurm" }] }, "t.yaml"),
    ).toThrow(/clusters: local is declared twice/);
    expect(() =>
      parseCenterConfig({ clusters: [{ name: "hpc", backend: "pbs" }] }, "t.yaml"),
    ).toThrow(/t.yaml: clusters/);
    expect(() =>
      parseCenterConfig(
        { clusters: [{ name: "hpc", backend: "slurm", bin: "usr/bin" }] },
        "t.yaml",
      ),
    ).toThrow(/clusters\[\].bin is an absolute path/);
  });
});
