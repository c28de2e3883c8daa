import { pipeline } from "node:stream/promises";
import { z } from "zod";
import { MAX_OUTPUT_PAGE } from "../../services/jobs/job-output.js";
import { invalidInput } from "../../core/errors.js";
import { route, WROTE } from "../route.js";
import { isoTime, toIso } from "../schemas/time.js";
import { jobView, placementView } from "../schemas/jobs.js";

const submit = z.strictObject({
  script: z.string().min(1, "the script is empty"),
  options: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  args: z.array(z.string()).optional(),
  workdir: z.string().optional(),
  scriptName: z.string().max(255).optional(),
  scriptArgs: z.array(z.string()).max(1000).optional(),
  environment: z.record(z.string(), z.string()).optional(),
});

const listQuery = z.strictObject({
  state: z.string().optional(),
  user: z.string().optional(),
  account: z.string().optional(),
  cluster: z.string().optional(),
  partition: z.string().optional(),
  id: z.string().optional(),
  from: isoTime.optional(),
  to: isoTime.optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  before: z.coerce.number().int().positive().optional(),
  order: z.enum(["asc", "desc"]).optional(),
});

const outputQuery = z.strictObject({
  stream: z.enum(["stdout", "stderr"]).optional(),
  offset: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_OUTPUT_PAGE).optional(),
});

export const jobRoutes = [
  route({
    method: "POST",
    path: "/api/v1/jobs",
    summary: "Submit a batch script; its #SBATCH lines apply, and options/args override them",
    tag: "jobs",
    auth: true,
    action: "job.submit",
    status: 201,
    body: submit,
    response: z.strictObject({
      id: z.number(),
      jobIds: z.array(z.string()),
    }),
    handler: ({ center, actor, body }) => center.submissions.submit(actor, body),
  }),
  route({
    method: "POST",
    path: "/api/v1/jobs/check",
    summary:
      "What a submission would be, nothing submitted (sbatch --test-only): every check, the account's limits and money included, and the money its jobs would hold",
    tag: "jobs",
    auth: true,
    action: "job.submit",
    body: submit,
    response: z
      .strictObject({
        cluster: z.string(),
        partition: z.string(),
        account: z.string(),
        qos: z.string(),
        jobs: z.number(),
        cpus: z.number(),
        gpus: z.number(),
        timeLimit: z.number().nullable(),
        workdir: z.string(),
        hold: z.string(),
        currency: z.string(),
        placement: placementView.nullable(),
      })
      .meta({ id: "SubmitCheck" }),
    handler: ({ center, actor, body }) => center.submissions.check(actor, body),
  }),
  route({
    method: "GET",
    path: "/api/v1/jobs",
    summary:
      "List jobs, newest first; filter by state, user, account, partition, id and time window; page with `before`",
    tag: "jobs",
    auth: true,
    action: "job.list",
    query: listQuery,
    response: z.strictObject({
      jobs: z.array(jobView),
      next: z.number().nullable(),
    }),
    handler: ({ center, actor, query }) => {
      const states = query.state
        ?.split(",")
        .map((s) => s.trim().toUpperCase())
        .filter(Boolean);
      const ids = query.id?.split(",").map((s) => {
        if (!/^\d+$/.test(s.trim())) throw invalidInput(`id ${s} is not a job id`);
        return Number(s);
      });
      return center.jobs.list(actor, {
        states,
        user: query.user,
        account: query.account,
        cluster: query.cluster,
        partition: query.partition,
        ids,
        from: query.from ? toIso(query.from) : undefined,
        to: query.to ? toIso(query.to) : undefined,
        limit: query.limit,
        before: query.before,
        order: query.order,
      });
    },
  }),
  route({
    method: "GET",
    path: "/api/v1/jobs/{id}",
    summary:
      "One job: state, reason, exit code, times, allocation, planned start while pending (id: N or N_TASK)",
    tag: "jobs",
    auth: true,
    action: "job.read",
    response: jobView,
    handler: ({ center, actor, params }) => center.jobs.get(actor, params.id),
  }),
  route({
    method: "POST",
    path: "/api/v1/jobs/{id}/cancel",
    summary: "Cancel a job, or every task of an array",
    tag: "jobs",
    auth: true,
    action: "job.control",
    response: z.strictObject({
      cancelled: z.array(z.string()),
    }),
    handler: ({ center, actor, params }) => center.jobs.cancel(actor, params.id),
  }),
  route({
    method: "POST",
    path: "/api/v1/jobs/{id}/hold",
    summary: "Hold a pending job",
    tag: "jobs",
    auth: true,
    action: "job.control",
    response: z.strictObject({
      held: z.array(z.string()),
    }),
    handler: ({ center, actor, params }) => center.jobs.hold(actor, params.id),
  }),
  route({
    method: "POST",
    path: "/api/v1/jobs/{id}/release",
    summary: "Release a held job",
    tag: "jobs",
    auth: true,
    action: "job.control",
    response: z.strictObject({
      released: z.array(z.string()),
    }),
    handler: ({ center, actor, params }) => center.jobs.release(actor, params.id),
  }),
  route({
    method: "GET",
    path: "/api/v1/jobs/{id}/script",
    summary:
      "A job's batch script as it was submitted (plain text), as scontrol write batch_script",
    tag: "jobs",
    auth: true,
    action: "job.read",
    produces: "text/plain",
    handler: async ({ center, actor, params, res }) => {
      const body = await center.jobs.script(actor, params.id);
      res.writeHead(200, {
        "content-type": "text/plain; charset=utf-8",
        "content-length": Buffer.byteLength(body),
      });
      res.end(body);
      return WROTE;
    },
  }),
  route({
    method: "GET",
    path: "/api/v1/jobs/{id}/output",
    summary:
      "Read a job's stdout or stderr from an offset (plain text; X-Guang-Size and X-Guang-Complete headers)",
    tag: "jobs",
    auth: true,
    action: "job.read",
    query: outputQuery,
    produces: "text/plain",
    handler: async ({ center, actor, params, query, res }) => {
      const out = await center.outputs.read(
        actor,
        params.id,
        query.stream ?? "stdout",
        query.offset ?? 0,
        query.limit ?? MAX_OUTPUT_PAGE,
      );
      res.writeHead(200, {
        "content-type": "text/plain; charset=utf-8",
        "content-length": String(out.length),
        "x-guang-offset": String(out.offset),
        "x-guang-size": String(out.size),
        "x-guang-complete": String(out.complete),
      });
      // sent as the client takes it: a slow reader holds a 64 KiB buffer, not the page
      await pipeline(out.body, res).catch(() => undefined);
      return WROTE;
    },
  }),
];
