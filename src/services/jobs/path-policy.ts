import {
  chmodSync,
  chownSync,
  existsSync,
  lstatSync,
  mkdirSync,
  realpathSync,
  statSync,
} from "node:fs";
import type { UnixAccount } from "../../backends/unix-account.js";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { invalidInput } from "../../core/errors.js";

/**
 * Where jobs may work and write. Guang's own data directory is off limits (a job must not
 * overwrite the store), except its `work/` folder; and when `allowedRoots` is set, every
 * working directory and output file must lie under one of them.
 */
export interface PathPolicy {
  home: string;
  allowedRoots: string[];
}

function inside(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}

/** The real path of `path`, resolving symlinks in the part that exists. */
function realish(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    // some of it does not exist yet: resolve the part that does
  }
  let dir = path;
  const tail: string[] = [];
  while (!existsSync(dir)) {
    tail.unshift(dir.slice(dirname(dir).length + 1));
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return join(realpathSync.native(dir), ...tail);
}

/** The home and the allowed roots do not move while the server runs: resolve them once. */
const fixed = new Map<string, string>();
function fixedReal(path: string): string {
  let r = fixed.get(path);
  if (r === undefined) fixed.set(path, (r = realish(resolve(path))));
  return r;
}

/**
 * A path a job of `user` works in or writes to. In Guang's `work/`, only the user's own
 * folder: the others' belong to other people (and tenants).
 */
export function checkJobPath(policy: PathPolicy, path: string, what: string, user: string): string {
  if (!isAbsolute(path)) throw invalidInput(`${what} ${path} must be an absolute path`);
  const real = realish(resolve(path));
  const home = fixedReal(policy.home);
  const own = join(home, "work", user);
  if (inside(real, home) && !inside(real, own)) {
    const rest = relative(join(home, "work"), real);
    if (inside(real, join(home, "work")) && rest !== "") {
      throw invalidInput(
        `${what} ${path} is in another user's working folder; use your own, ${join(policy.home, "work", user)}, or a directory of your own`,
      );
    }
    throw invalidInput(
      `${what} ${path} is inside Guang's data directory ${policy.home}; use a directory of your own (or ${join(policy.home, "work", user)})`,
    );
  }
  if (
    policy.allowedRoots.length > 0 &&
    !policy.allowedRoots.some((r) => inside(real, fixedReal(r)))
  ) {
    throw invalidInput(
      `${what} ${path} is outside the directories jobs may use (${policy.allowedRoots.join(", ")}); the center sets them in jobs.allowedRoots`,
    );
  }
  return real;
}

export function checkDirectory(path: string, what: string): void {
  let ok: boolean;
  try {
    ok = statSync(path).isDirectory();
  } catch {
    ok = false;
  }
  if (!ok)
    throw invalidInput(`${what} ${path} does not exist or is not a directory; create it first`);
}

/**
 * The user's default working folder, <home>/work/<user>: made on first use, the user's own
 * (mode 700, owned by the account their jobs run as), so no other user's job can look in.
 */
export function userWorkFolder(home: string, user: string, owner: UnixAccount | null): string {
  const dir = join(home, "work", user);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  // a folder a job replaced with a symlink must not be chowned through
  if (!lstatSync(dir).isDirectory())
    throw invalidInput(
      `the working folder ${dir} is not a directory; a center admin must remove it`,
    );
  if (owner) chownSync(dir, owner.uid, owner.gid);
  chmodSync(dir, 0o700);
  return dir;
}

/** An output file's full path: in the working directory (checked already), or a checked place of its own. */
export function outputFilePath(
  policy: PathPolicy,
  workdir: string,
  path: string,
  what: string,
  user: string,
): string {
  const full = resolve(workdir, path);
  // the usual case: a file in the working directory, which is checked already (a symlink
  // planted there is not followed when the job opens it: see the launcher)
  if (dirname(full) === workdir) return full;
  checkJobPath(policy, full, what, user);
  checkDirectory(dirname(full), `the folder of the ${what}`);
  return full;
}
