import { ERROR_CODES } from "../core/error-codes.js";
import { z } from "zod";
import { PERMISSIONS } from "../services/access/permissions.js";
import type { Route } from "./route.js";

const errorSchema = {
  type: "object",
  properties: {
    error: {
      type: "object",
      properties: {
        code: { type: "string", enum: Object.keys(ERROR_CODES) },
        message: { type: "string" },
        details: { type: "object" },
      },
      required: ["code", "message"],
    },
  },
};

/** The OpenAPI 3.1 document, built from the same route table and schemas that validate requests. */
export function openApiDocument(routes: Route[], version: string): object {
  const paths: Record<string, Record<string, object>> = {};
  for (const r of routes) {
    const params = [...r.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
      name: m[1],
      in: "path",
      required: true,
      schema: { type: "string" },
    }));
    if (r.query) {
      const js = z.toJSONSchema(r.query, { io: "input" }) as {
        properties?: Record<string, object>;
        required?: string[];
      };
      for (const [name, schema] of Object.entries(js.properties ?? {})) {
        params.push({
          name,
          in: "query",
          required: js.required?.includes(name) ?? false,
          schema,
        } as never);
      }
    }
    const ok = r.produces
      ? { content: { [r.produces]: { schema: { type: "string" } } } }
      : {
          content: {
            "application/json": {
              schema: r.response ? z.toJSONSchema(r.response) : { type: "object" },
            },
          },
        };
    (paths[r.path] ??= {})[r.method.toLowerCase()] = {
      summary: r.summary,
      tags: [r.tag],
      ...(r.auth ? { security: [{ bearer: [] }, { session: [] }] } : { security: [] }),
      // who may call it, from the one permission table
      "x-guang-permission": { action: r.action, roles: PERMISSIONS[r.action] },
      parameters: params,
      ...(r.body
        ? {
            requestBody: {
              required: true,
              content: { "application/json": { schema: z.toJSONSchema(r.body, { io: "input" }) } },
            },
          }
        : {}),
      responses: {
        [String(r.status ?? 200)]: { description: "OK", ...ok },
        default: {
          description: "An error: its code, a message that says what to do, details",
          content: { "application/json": { schema: errorSchema } },
        },
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Guang API",
      version,
      description: "Guang (光): the software that runs an intelligent supercomputing center.",
      // the error catalogue: every code an answer can carry, its usual status and meaning
      "x-error-codes": Object.entries(ERROR_CODES).map(([code, e]) => ({
        code,
        status: e.status,
        meaning: e.meaning,
      })),
    },
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer" },
        session: {
          type: "apiKey",
          in: "cookie",
          name: "guang_session",
          description:
            "browser session (POST /api/v1/auth/session); changes also need the X-CSRF-Token header",
        },
      },
    },
    paths,
  };
}
