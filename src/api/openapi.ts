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

/**
 * A zod schema as JSON Schema for the document: the named schemas it uses (`.meta({ id })`)
 * become shared components, referred to by name, so a generated client has a type for each.
 */
function toSchema(schema: z.ZodType, components: Record<string, object>): object {
  const js = z.toJSONSchema(schema) as { $defs?: Record<string, object> };
  const { $defs, ...rest } = js;
  const text = (o: object) =>
    JSON.parse(JSON.stringify(o).replaceAll('"#/$defs/', '"#/components/schemas/')) as object;
  for (const [id, def] of Object.entries($defs ?? {})) components[id] = text(def);
  // a schema that is itself named is one reference
  const id = (z.globalRegistry.get(schema) as { id?: string } | undefined)?.id;
  if (id) {
    // zod puts a named schema itself in $defs too, and refers to it; otherwise it is the rest
    if (!$defs?.[id]) components[id] = text(rest);
    return { $ref: `#/components/schemas/${id}` };
  }
  return text(rest);
}

/** The OpenAPI 3.1 document, built from the same route table and schemas that validate requests. */
export function openApiDocument(routes: Route[], version: string): object {
  const paths: Record<string, Record<string, object>> = {};
  const schemas: Record<string, object> = {};
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
    const ok =
      r.status !== undefined && r.status >= 300 && r.status < 400
        ? { headers: { Location: { schema: { type: "string" } } } }
        : r.produces
          ? { content: { [r.produces]: { schema: { type: "string" } } } }
          : {
              content: {
                "application/json": {
                  schema: r.response ? toSchema(r.response, schemas) : { type: "object" },
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
        [String(r.status ?? 200)]: {
          description: r.status !== undefined && r.status >= 300 ? "Redirect" : "OK",
          ...ok,
        },
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
      schemas,
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
