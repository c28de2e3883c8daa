import { z } from "zod";
import { slurmDuration } from "../../core/duration-schema.js";
import { route } from "../route.js";
import { qosView } from "../schemas/center.js";

const limit = z.number().int().min(0).max(10_000_000).nullable().optional();

const qosInput = z.strictObject({
  description: z.string().max(200).nullable().optional(),
  priority: z.number().int().min(0).max(1_000_000).optional(),
  maxJobsPerUser: limit,
  maxCpusPerUser: limit,
  maxGpusPerUser: limit,
  maxCpusPerJob: limit,
  maxGpusPerJob: limit,
  maxWall: slurmDuration.nullable().optional(),
  priceFactor: z.string().optional(),
});

export const qosRoutes = [
  route({
    method: "GET",
    path: "/api/v1/qos",
    summary: "Service classes (QoS): priority, limits and price factor, like sacctmgr show qos",
    tag: "jobs",
    auth: true,
    action: "qos.read",
    response: z.strictObject({ qos: z.array(qosView) }),
    handler: async ({ center, actor }) => ({ qos: await center.qos.list(actor) }),
  }),
  route({
    method: "PUT",
    path: "/api/v1/qos/{name}",
    summary:
      "Create a QoS or change it (center admin): fields left out keep their value, null removes a limit",
    tag: "jobs",
    auth: true,
    action: "qos.manage",
    body: qosInput,
    response: qosView,
    handler: ({ center, actor, params, body }) => center.qos.set(actor, params.name, body),
  }),
];
