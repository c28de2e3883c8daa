/**
 * Every error code Guang answers with, once: its usual HTTP status and what it means. A
 * client (the CLI, the portal in two languages) keys its handling and its words on the code;
 * the OpenAPI document lists them all. GuangError takes only these codes.
 */
export const ERROR_CODES = {
  invalid_input: {
    status: 400,
    meaning:
      "the request, a script, a directive, a path or a config value is wrong; the message says what and how to fix it",
  },
  invalid_json: { status: 400, meaning: "the body is not valid JSON" },
  unauthorized: {
    status: 401,
    meaning: "no token, or one unknown, revoked or expired; or a wrong user name or password",
  },
  forbidden: { status: 403, meaning: "who asks may not do this (their roles do not reach it)" },
  csrf: {
    status: 403,
    meaning: "a change sent with the session cookie but without its X-CSRF-Token",
  },
  password_change_required: {
    status: 403,
    meaning: "signed in with a password someone else chose: only changing it is allowed",
  },
  sign_in_refused: {
    status: 403,
    meaning: "the identity provider vouched for someone this center does not let in",
  },
  not_found: {
    status: 404,
    meaning: "no such object (or one of another tenant, which reads the same)",
  },
  method_not_allowed: {
    status: 405,
    meaning: "the path exists, but not with this method; Allow lists those it takes",
  },
  conflict: {
    status: 409,
    meaning:
      "the object's state does not allow this now (a job that ended, a name taken, a disabled cluster)",
  },
  no_identity: {
    status: 409,
    meaning:
      "the user has no Unix identity this center may run work under; a center admin gives one",
  },
  output_unreadable: {
    status: 409,
    meaning: "a job's output cannot be read on its owner's behalf",
  },
  home_in_use: { status: 409, meaning: "another server already uses this home" },
  account_limit: {
    status: 403,
    meaning:
      "a limit of the account or of its member refuses the job (which limit: in the message)",
  },
  storage_quota: {
    status: 403,
    meaning:
      "the account's project folder, or the user's home, holds more than its hard storage quota: new jobs wait for files to be deleted",
  },
  insufficient_funds: {
    status: 402,
    meaning:
      "the account cannot cover the job's worst case from grants and money; the message says how much is missing",
  },
  no_price: {
    status: 409,
    meaning: "the partition has no price yet; the center's finance sets one",
  },
  file_changed: {
    status: 409,
    meaning:
      "the file changed since it was opened (another save); details.etag is its version now: reload it, or save over it knowingly",
  },
  upload_offset: {
    status: 409,
    meaning:
      "a resumed upload does not start where the file ends; details.size says where to go on from",
  },
  range_not_satisfiable: {
    status: 416,
    meaning: "the asked byte range lies beyond the file's end (details.size)",
  },
  payload_too_large: { status: 413, meaning: "the body or the script is over the limit" },
  unsupported_media_type: { status: 415, meaning: "the body is not sent as application/json" },
  too_many_attempts: {
    status: 429,
    meaning:
      "too many sign-in attempts from this address or for this name; wait the seconds the message says",
  },
  too_many_requests: { status: 429, meaning: "too many reads of job outputs at once" },
  too_many_streams: { status: 429, meaning: "too many event streams open at once" },
  internal: { status: 500, meaning: "a bug: the server log has the details" },
  slurm_refused: {
    status: 400,
    meaning:
      "a Slurm command refused what it was asked; Slurm's words are in the message and details",
  },
  slurm_failed: { status: 502, meaning: "a Slurm command failed" },
  slurm_unavailable: {
    status: 503,
    meaning: "a Slurm cluster does not answer; other clusters still serve",
  },
  peer_refused: {
    status: 400,
    meaning: "a peer center refused what it was asked; its words are in the message",
  },
  peer_unavailable: {
    status: 503,
    meaning: "a peer center does not answer; this center's own clusters still serve",
  },
  peer_signature: {
    status: 401,
    meaning: "a call signed as a peer center could not be verified (key, clock or replay)",
  },
  directory_unavailable: { status: 503, meaning: "the LDAP directory does not answer" },
  provider_unavailable: { status: 502, meaning: "the OpenID Connect provider does not answer" },
  shell_unavailable: {
    status: 503,
    meaning:
      "the web shell cannot start on this machine (node-pty was not built); the message says how to fix it",
  },
} as const satisfies Record<string, { status: number; meaning: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;
