import createClient, { type Middleware } from "openapi-fetch";
import type { paths } from "../../src/client/api-types";

/**
 * The portal's one way to the server: the typed client made from the API's OpenAPI
 * document. The session is the HttpOnly cookie the API sets (no token is kept in the page);
 * every change sends the CSRF token the API gave in its readable cookie.
 */
const CSRF_COOKIE = "guang_csrf";

export function csrfToken(): string | null {
  const hit = document.cookie.split("; ").find((c) => c.startsWith(`${CSRF_COOKIE}=`));
  return hit ? decodeURIComponent(hit.slice(CSRF_COOKIE.length + 1)) : null;
}

const csrf: Middleware = {
  onRequest({ request }) {
    if (request.method !== "GET" && request.method !== "HEAD") {
      const token = csrfToken();
      if (token) request.headers.set("X-CSRF-Token", token);
    }
    return request;
  },
};

export const api = createClient<paths>({
  baseUrl: window.location.origin,
  credentials: "same-origin",
});
api.use(csrf);

/** The API's refusal, with its own words: shown as the server put them. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** What the API adds to its words: e.g. the script's `line` a refusal is about. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** The answer's data, or the API's error as an ApiError. */
export async function data<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const r = await call;
  if (r.error !== undefined || !r.response.ok) {
    const e = (
      r.error as
        | { error?: { code?: string; message?: string; details?: Record<string, unknown> } }
        | undefined
    )?.error;
    throw new ApiError(
      r.response.status,
      e?.code ?? "unknown",
      e?.message ?? r.response.statusText,
      e?.details,
    );
  }
  return r.data as T;
}
