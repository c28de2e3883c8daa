import { invalidInput } from "./errors.js";

// Names become Slurm account and user names, Unix names and path parts: the portable subset.
const NAME = /^[a-z][a-z0-9_-]{0,31}$/;

/** Refuses a tenant, account or user name that could not be used everywhere it goes. */
export function checkName(kind: "tenant" | "account" | "user" | "Unix user", name: string): void {
  if (!NAME.test(name))
    throw invalidInput(
      `${kind} name "${name}" is not valid: use 1 to 32 lower-case letters, digits, '_' or '-', starting with a letter`,
    );
}
