import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCenter, submit, waitFor, workdir, type TestCenter } from "../helpers/center.js";
import { until } from "../helpers/until.js";

let c: TestCenter;
let dir: string;

beforeAll(async () => {
  c = await startCenter();
  dir = workdir();
});
afterAll(async () => {
  await c?.stop();
});

/** A process that exists and is not a zombie (an ended process its parent has not reaped yet). */
const alive = (pid: number) => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "latin1");
    return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
  } catch {
    return false;
  }
};

describe("jobs through the API", () => {
  it("runs a script with Slurm's variables, output patterns and exit codes", async () => {
    const script = `#!/bin/bash
#SBATCH -J envjob
#SBATCH -n 2 -c 3
#SBATCH -o out-%x-%j.txt
#SBATCH -e err-%j.txt
echo "id=$SLURM_JOB_ID name=$SLURM_JOB_NAME ntasks=$SLURM_NTASKS cpt=$SLURM_CPUS_PER_TASK dir=$SLURM_SUBMIT_DIR pwd=$(pwd) mine=$MY_VAR"
echo "cores=$(grep Cpus_allowed_list /proc/self/status | cut -f2)"
echo oops >&2
exit 3
`;
    const id = await submit(c, script, { workdir: dir, environment: { MY_VAR: "kept" } });
    const job = await waitFor(c, id);
    expect(job.state).toBe("FAILED");
    expect(job.exitCode).toBe(3);
    expect(job.alloc.cpus).toBe(6);
    const out = readFileSync(join(dir, `out-envjob-${id}.txt`), "utf8");
    expect(out).toContain(`id=${id} name=envjob ntasks=2 cpt=3 dir=${dir} pwd=${dir} mine=kept`);
    expect(out).toMatch(/cores=\d/);
    expect(readFileSync(join(dir, `err-${id}.txt`), "utf8")).toBe("oops\n");
    const text = await c.api("GET", `/api/v1/jobs/${id}/output?stream=stderr`);
    expect(text.body).toBe("oops\n");
    expect(job.startTime).not.toBeNull();
    expect(job.endTime).not.toBeNull();
    expect(job.cpuSeconds).not.toBeNull();
  });

  it("runs arrays with a throttle, one job id per task", async () => {
    const script = `#!/bin/bash
#SBATCH --array=1-7:2%2 -o arr-%A_%a.out
echo "task=$SLURM_ARRAY_TASK_ID of $SLURM_ARRAY_JOB_ID count=$SLURM_ARRAY_TASK_COUNT"
date +%s.%N; sleep 0.4; date +%s.%N
`;
    const r = await c.api("POST", "/api/v1/jobs", { script, workdir: dir });
    expect(r.status).toBe(201);
    expect(r.body.jobIds).toEqual([1, 3, 5, 7].map((t) => `${r.body.id}_${t}`));
    const spans: [number, number][] = [];
    for (const t of [1, 3, 5, 7]) {
      const job = await waitFor(c, `${r.body.id}_${t}`);
      expect(job.state).toBe("COMPLETED");
      const lines = readFileSync(join(dir, `arr-${r.body.id}_${t}.out`), "utf8")
        .trim()
        .split("\n");
      expect(lines[0]).toBe(`task=${t} of ${r.body.id} count=4`);
      spans.push([Number(lines[1]), Number(lines[2])]);
    }
    // %2: never more than two tasks at once
    for (const [s] of spans)
      expect(spans.filter(([a, b]) => a <= s && s < b).length).toBeLessThanOrEqual(2);
  });

  it("records the end of every job of a burst (400 tasks, 32 at a time)", async () => {
    const r = await c.api("POST", "/api/v1/jobs", {
      script: "#!/bin/bash\nexit $((SLURM_ARRAY_TASK_ID % 3))\n",
      workdir: dir,
      options: { array: "0-399", output: "/dev/null" },
    });
    expect(r.status).toBe(201);
    const last = await waitFor(c, `${r.body.id}_399`, undefined, 60000);
    expect(last.exitCode).toBe(399 % 3);
    let jobs: { state: string; exitCode: number; arrayTaskId: number }[] = [];
    await until(
      "every task of the burst recorded as ended",
      async () => {
        jobs = (await c.api("GET", `/api/v1/jobs?id=${r.body.id}&limit=1000`)).body.jobs;
        return jobs.every((j) => j.state === "COMPLETED" || j.state === "FAILED");
      },
      60000,
      () =>
        jobs.filter((j) => j.state !== "COMPLETED" && j.state !== "FAILED").length + " not ended",
    );
    expect(jobs.length).toBe(400);
    for (const j of jobs)
      expect([j.state, j.exitCode]).toEqual([
        j.arrayTaskId % 3 === 0 ? "COMPLETED" : "FAILED",
        j.arrayTaskId % 3,
      ]);
  });

  it("honours dependencies: afterok, afternotok, afterany, singleton", async () => {
    const fail = await submit(c, "#!/bin/bash\nsleep 0.3; exit 1\n", { workdir: dir });
    const ok = await submit(c, "#!/bin/bash\nsleep 0.3\n", { workdir: dir });
    const onOk = await submit(c, "#!/bin/bash\necho ran\n", {
      workdir: dir,
      options: { dependency: `afterok:${fail}` },
    });
    const onNotOk = await submit(c, "#!/bin/bash\necho ran\n", {
      workdir: dir,
      options: { dependency: `afternotok:${fail}` },
    });
    const onAny = await submit(c, "#!/bin/bash\necho ran\n", {
      workdir: dir,
      options: { dependency: `afterany:${fail}:${ok}` },
    });
    const waiting = await c.api("GET", `/api/v1/jobs/${onAny}`);
    expect(waiting.body.state).toBe("PENDING");
    expect(waiting.body.reason).toBe("Dependency");
    expect((await waitFor(c, onNotOk)).state).toBe("COMPLETED");
    expect((await waitFor(c, onAny)).state).toBe("COMPLETED");
    const never = await waitFor(c, onOk, ["PENDING"]);
    let seen: unknown;
    await until(
      "the afterok job waiting with DependencyNeverSatisfied",
      async () =>
        (seen = (await c.api("GET", `/api/v1/jobs/${onOk}`)).body.reason) ===
        "DependencyNeverSatisfied",
      10000,
      () => seen,
    );
    expect(never.state).toBe("PENDING");
    await c.api("POST", `/api/v1/jobs/${onOk}/cancel`);

    const s1 = await submit(
      c,
      "#!/bin/bash\n#SBATCH -J single\ndate +%s.%N; sleep 0.4; date +%s.%N\n",
      { workdir: dir, options: { output: "single-%j.out" } },
    );
    const s2 = await submit(c, "#!/bin/bash\n#SBATCH -J single -d singleton\ndate +%s.%N\n", {
      workdir: dir,
      options: { output: "single-%j.out" },
    });
    await waitFor(c, s2);
    const end1 = Number(
      readFileSync(join(dir, `single-${s1}.out`), "utf8")
        .trim()
        .split("\n")[1],
    );
    const start2 = Number(readFileSync(join(dir, `single-${s2}.out`), "utf8").trim());
    expect(start2).toBeGreaterThanOrEqual(end1);
  });

  it("kills a job at its time limit: TIMEOUT", async () => {
    const id = await submit(c, "#!/bin/bash\n#SBATCH -t 0:01\nsleep 60\n", { workdir: dir });
    const job = await waitFor(c, id, undefined, 20000);
    expect(job.state).toBe("TIMEOUT");
    expect(job.elapsed).toBeGreaterThanOrEqual(1);
    expect(job.elapsed).toBeLessThan(10);
  });

  it("at the time limit sends SIGTERM, and SIGKILL after the kill wait to a job that ignores it", async () => {
    const id = await submit(
      c,
      "#!/bin/bash\n#SBATCH -t 0:01 -o stubborn-%j.out\ntrap 'echo got TERM' TERM\nwhile true; do sleep 0.1; done\n",
      { workdir: dir },
    );
    const job = await waitFor(c, id, undefined, 20000);
    expect(job.state).toBe("TIMEOUT");
    expect(readFileSync(join(dir, `stubborn-${id}.out`), "utf8")).toContain("got TERM");
    // it outlived the SIGTERM by about the kill wait (1 s here)
    expect(Date.parse(job.endTime) - Date.parse(job.startTime)).toBeGreaterThanOrEqual(1900);
    expect(job.signal).toBe(9);
  });

  it("kills a job over its memory: OUT_OF_MEMORY", async () => {
    const id = await submit(
      c,
      `#!/bin/bash\n#SBATCH --mem=60M\npython3 -c "a = bytearray(400 * 1024 * 1024); import time; time.sleep(30)"\n`,
      { workdir: dir },
    );
    const job = await waitFor(c, id, undefined, 20000);
    expect(job.state).toBe("OUT_OF_MEMORY");
    // sampled over the request, or (in a cgroup) the kernel's peak at its limit
    expect(job.maxRssMiB).toBeGreaterThanOrEqual(55);
  });

  it("cancels a running job and its whole process tree", async () => {
    const id = await submit(
      c,
      `#!/bin/bash\nsleep 300 & echo $! > pids-$SLURM_JOB_ID\n(sleep 300; true) & echo $! >> pids-$SLURM_JOB_ID\necho $$ >> pids-$SLURM_JOB_ID\nwait\n`,
      { workdir: dir },
    );
    await waitFor(c, id, ["RUNNING"]);
    const file = join(dir, `pids-${id}`);
    await until(
      "the job's three pids written",
      () => existsSync(file) && readFileSync(file, "utf8").trim().split("\n").length === 3,
      5000,
      () => (existsSync(file) ? readFileSync(file, "utf8") : "no file yet"),
    );
    const pids = readFileSync(file, "utf8").trim().split("\n").map(Number);
    expect(pids.every(alive)).toBe(true);
    const r = await c.api("POST", `/api/v1/jobs/${id}/cancel`);
    expect(r.body.cancelled).toEqual([String(id)]);
    const job = await waitFor(c, id);
    expect(job.state).toBe("CANCELLED");
    await until(
      "the job's processes gone",
      () => pids.filter(alive).length === 0,
      10000,
      () => pids.filter(alive),
    );
    expect((await c.api("POST", `/api/v1/jobs/${id}/cancel`)).status).toBe(409);
  });

  it("shows a job only its GPUs", async () => {
    const script =
      '#!/bin/bash\n#SBATCH --gres=gpu:a100:1 -p gpu\necho "gpus=[$CUDA_VISIBLE_DEVICES]"; sleep 0.5\n';
    const a = await submit(c, script, { workdir: dir, options: { output: "gpu-%j.out" } });
    const b = await submit(c, script, { workdir: dir, options: { output: "gpu-%j.out" } });
    const n = await submit(c, '#!/bin/bash\necho "gpus=[$CUDA_VISIBLE_DEVICES]"\n', {
      workdir: dir,
      options: { output: "gpu-%j.out" },
    });
    const seen = [];
    for (const id of [a, b, n]) {
      await waitFor(c, id);
      seen.push(readFileSync(join(dir, `gpu-${id}.out`), "utf8").trim());
    }
    expect(seen.slice(0, 2).sort()).toEqual(["gpus=[0]", "gpus=[1]"]);
    expect(seen[2]).toBe("gpus=[]");
    const three = await c.api("POST", "/api/v1/jobs", {
      script: "#!/bin/bash\n#SBATCH --gpus=3\ntrue\n",
      workdir: dir,
    });
    expect(three.status).toBe(400);
    expect(three.body.error.message).toContain("can never run");
  });

  it("holds, releases and waits for a begin time", async () => {
    const id = await submit(c, "#!/bin/bash\n#SBATCH -H\ntrue\n", { workdir: dir });
    let held: { state: string; reason: string | null } | undefined;
    await until(
      "the held job waiting with JobHeldUser",
      async () => (held = (await c.api("GET", `/api/v1/jobs/${id}`)).body).reason !== null,
      10000,
      () => held,
    );
    expect([held!.state, held!.reason]).toEqual(["PENDING", "JobHeldUser"]);
    expect((await c.api("POST", `/api/v1/jobs/${id}/release`)).status).toBe(200);
    expect((await waitFor(c, id)).state).toBe("COMPLETED");
    const later = await submit(c, "#!/bin/bash\ntrue\n", {
      workdir: dir,
      options: { begin: "now+1" },
    });
    let seen: unknown;
    await until(
      "the job waiting for its begin time",
      async () =>
        (seen = (await c.api("GET", `/api/v1/jobs/${later}`)).body.reason) === "BeginTime",
      10000,
      () => seen,
    );
    const done = await waitFor(c, later);
    expect(Date.parse(done.startTime)).toBeGreaterThanOrEqual(Date.parse(done.submitTime) + 900);
  });

  it("streams job events over SSE", async () => {
    const ctrl = new AbortController();
    const res = await fetch(`${c.url}/api/v1/events`, {
      headers: { authorization: `Bearer ${c.token}` },
      signal: ctrl.signal,
    });
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const id = await submit(c, "#!/bin/bash\ntrue\n", { workdir: dir });
    const reader = res.body!.getReader();
    let text = "";
    const states: string[] = [];
    while (!states.includes("COMPLETED")) {
      const { value, done } = await reader.read();
      if (done) break;
      text += Buffer.from(value).toString();
      states.length = 0;
      for (const m of text.matchAll(/^data: (.*)$/gm)) {
        const e = JSON.parse(m[1]!);
        if (e.id === id) states.push(e.state);
      }
    }
    ctrl.abort();
    expect(states).toEqual(["PENDING", "RUNNING", "COMPLETED"]);
  });
});
