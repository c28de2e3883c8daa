import type { IncomingMessage, ServerResponse } from "node:http";
import type { z } from "zod";
import type { Actor } from "../services/access/actor.js";
import type { CenterServices } from "../services/center.js";
import type { Action } from "../services/access/permissions.js";

interface RouteContext<B, Q> {
  center: CenterServices;
  /** Null only on routes that need no sign-in. */
  actor: Actor | null;
  params: Record<string, string>;
  query: Q;
  body: B;
  req: IncomingMessage;
  res: ServerResponse;
  /** Where the request came from. */
  ip: string;
  cookies: Record<string, string>;
}

/** A handler that wrote the response itself (SSE, plain text) returns this. */
export const WROTE = Symbol("wrote");

export interface Route<B = unknown, Q = unknown> {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  /** With `{name}` parameters, as in OpenAPI. */
  path: string;
  summary: string;
  tag: string;
  /** False for the few routes anyone may call (login, the OpenAPI document). */
  auth: boolean;
  /** What the route does, in the permission model; the services check the object it names. */
  action: Action;
  body?: z.ZodType<B>;
  query?: z.ZodType<Q>;
  /** Status of a successful answer (200 by default). */
  status?: number;
  /** What a successful answer looks like, for the OpenAPI document. */
  response?: z.ZodType;
  /** Content type of a successful answer when it is not JSON. */
  produces?: string;
  handler(ctx: RouteContext<B, Q>): Promise<unknown>;
}

/** Keeps each route's body and query types while collecting routes of different types in one list. */
export function route<B, Q>(r: Route<B, Q>): Route<unknown, unknown> {
  return r as unknown as Route<unknown, unknown>;
}
