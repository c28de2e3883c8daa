import type { IncomingMessage, ServerResponse } from "node:http";
import type { z } from "zod";
import type { Actor } from "../services/access/actor.js";
import type { CenterServices } from "../services/center.js";
import type { Action } from "../services/access/permissions.js";

/** `/a/{x}/b/{y}` → `{ x: string; y: string }`: a handler reads its path's parameters by name. */
type PathParams<P extends string> = P extends `${string}{${infer N}}${infer Rest}`
  ? { [K in N]: string } & PathParams<Rest>
  : unknown;

interface RouteContext<B, Q, P extends string, A extends boolean> {
  center: CenterServices;
  /** Who asks: on routes that need sign-in, always someone; on the others, nobody. */
  actor: A extends true ? Actor : null;
  params: PathParams<P>;
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

export interface Route<
  B = unknown,
  Q = unknown,
  R = unknown,
  P extends string = string,
  A extends boolean = boolean,
> {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** With `{name}` parameters, as in OpenAPI. */
  path: P;
  summary: string;
  tag: string;
  /** False for the few routes anyone may call (login, the OpenAPI document). */
  auth: A;
  /** What the route does, in the permission model; the services check the object it names. */
  action: Action;
  body?: z.ZodType<B>;
  query?: z.ZodType<Q>;
  /** Status of a successful answer (200 by default). */
  status?: number;
  /**
   * What a successful JSON answer is: the handler must return it (checked by the compiler),
   * the OpenAPI document and the generated client say it, and test servers check every
   * answer against it (GUANG_CHECK_RESPONSES).
   */
  response?: z.ZodType<R>;
  /** Content type of a successful answer when it is not JSON (the handler writes it). */
  produces?: string;
  // NoInfer: the response schema decides the type, and the handler's answer must match it
  handler(ctx: RouteContext<B, Q, P, A>): Promise<NoInfer<R> | typeof WROTE>;
}

/** Keeps each route's types while collecting routes of different types in one list. */
export function route<B, Q, R, P extends string, A extends boolean>(
  r: Route<B, Q, R, P, A>,
): Route {
  return r as unknown as Route;
}
