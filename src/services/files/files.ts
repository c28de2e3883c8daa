import { spawn } from "node:child_process";
import { isAbsolute, resolve, sep } from "node:path";
import type { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import type { UnixAccount } from "../../backends/unix-account.js";
import { asAccount } from "../../backends/unix-identity.js";
import type { FileEntry } from "./file-worker.js";
import { GuangError, invalidInput, notFound } from "../../core/errors.js";
import type { Actor } from "../access/actor.js";

const WORKER = fileURLToPath(new URL("./file-worker.js", import.meta.url));

export interface FileServiceOptions {
  /** The Unix account the user's work runs as (workAccount); null: the server's own user. */
  accountFor: (actor: Actor) => Promise<UnixAccount | null>;
  /** Without root: the folders files may be reached in (jobs.allowedRoots); Guang's home never. */
  allowedRoots: string[];
  guangHome: string;
}

/** A refusal of the kernel's, in words. */
function refusal(errno: string, path: string, who: string): GuangError {
  if (errno === "ENOENT") return notFound(`there is no file or folder ${path}`);
  if (errno === "EACCES" || errno === "EPERM")
    return new GuangError(
      "forbidden",
      403,
      `${who} may not do this to ${path} (Unix permissions); its owner can change its mode or group`,
    );
  if (errno === "EEXIST") return new GuangError("conflict", 409, `${path} exists already`);
  if (errno === "ENOTEMPTY") return new GuangError("conflict", 409, `${path} is not empty`);
  if (errno === "EISDIR") return invalidInput(`${path} is a folder, not a file`);
  if (errno === "ENOTDIR") return invalidInput(`${path} is not a folder`);
  if (errno === "ENOSPC" || errno === "EDQUOT")
    return new GuangError("conflict", 409, `no space left for ${path} (disk full or quota)`);
  return invalidInput(`${path}: ${errno}`);
}

/** A worker's refusal (its stderr: {errno, message}), in words. */
function refused(stderr: Buffer[], w: { full: string; who: string }): GuangError {
  const e = JSON.parse(Buffer.concat(stderr).toString() || '{"errno":"EIO"}') as { errno: string };
  return refusal(e.errno, w.full, w.who);
}

/**
 * Files as their owner reaches them: every operation is a short-lived worker running as the
 * user's own Unix account (setpriv, when the server is root), so that the kernel decides what
 * may be read and changed — symlinks, modes and groups included — as in the user's terminal.
 * Without root there is one identity, the server's, kept to the configured roots.
 */
export class FileService {
  constructor(private readonly o: FileServiceOptions) {}

  /** The path meant: absolute, or under the user's home; a name a person could type. */
  private async where(actor: Actor, path: string | undefined) {
    const a = await this.o.accountFor(actor);
    const home = a?.home ?? this.o.allowedRoots[0] ?? null;
    // eslint-disable-next-line no-control-regex -- control characters are exactly what it refuses
    if (path !== undefined && /[\x00-\x1f\x7f]/.test(path))
      throw invalidInput("a path may not hold control characters (a line break, a tab, NUL)");
    if (path === undefined || path === "") {
      if (!home) throw invalidInput("give a path: there is no home folder to start from");
      path = home;
    }
    if (!isAbsolute(path)) {
      if (!home)
        throw invalidInput(`${path} is relative, and there is no home folder to start from`);
      path = resolve(home, path);
    }
    const full = resolve(path);
    if (!a) {
      // one identity for everyone: only the configured roots, never Guang's own files
      const inside = (root: string) =>
        full === root || full.startsWith(root.endsWith(sep) ? root : root + sep);
      if (inside(this.o.guangHome) || !this.o.allowedRoots.some(inside))
        throw new GuangError(
          "forbidden",
          403,
          `${full} is outside the folders this center serves (jobs.allowedRoots: ${this.o.allowedRoots.join(", ") || "none"})`,
        );
    }
    return { full, account: a, who: a ? `your Unix account ${a.name}` : "the center" };
  }

  private worker(a: UnixAccount | null, args: string[]) {
    const cmd = [process.execPath, WORKER, ...args];
    const argv = a ? [...asAccount(a), ...cmd] : cmd;
    return spawn(argv[0]!, argv.slice(1), { stdio: ["pipe", "pipe", "pipe"], cwd: "/" });
  }

  /** Runs an operation to its end: its output, or the kernel's refusal in words. */
  private async run(
    actor: Actor,
    path: string | undefined,
    op: string,
    extra: string[] = [],
    input?: Readable,
  ) {
    const w = await this.where(actor, path);
    const child = this.worker(w.account, [op, w.full, ...extra]);
    // a worker that refused (no such folder) stops reading: its refusal is the answer, not EPIPE
    child.stdin.on("error", () => undefined);
    if (input) input.pipe(child.stdin);
    else child.stdin.end();
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (d: Buffer) => out.push(d));
    child.stderr.on("data", (d: Buffer) => err.push(d));
    const code = await new Promise<number>((r) => child.on("close", (c) => r(c ?? 1)));
    if (code !== 0 && input) {
      // what the client still sends is read and dropped, so that it reads the refusal
      input.unpipe(child.stdin);
      input.resume();
    }
    if (code !== 0) throw refused(err, w);
    return { full: w.full, out: Buffer.concat(out).toString() };
  }

  async list(actor: Actor, path: string | undefined, offset: number, limit: number) {
    const r = await this.run(actor, path, "list", [String(offset), String(limit)]);
    return { path: r.full, ...(JSON.parse(r.out) as { total: number; entries: FileEntry[] }) };
  }

  async mkdir(actor: Actor, path: string) {
    return { path: (await this.run(actor, path, "mkdir")).full };
  }

  async move(actor: Actor, from: string, to: string) {
    const target = await this.where(actor, to);
    return { path: (await this.run(actor, from, "move", [target.full])).full, to: target.full };
  }

  async remove(actor: Actor, path: string) {
    return { path: (await this.run(actor, path, "remove")).full };
  }

  /** An upload, streamed to the file as it comes (memory stays flat). */
  async write(actor: Actor, path: string, body: Readable) {
    return { path: (await this.run(actor, path, "write", [], body)).full };
  }

  /** A download: its size once the file is open, then its bytes as they are read. */
  async read(actor: Actor, path: string): Promise<{ full: string; size: number; body: Readable }> {
    const w = await this.where(actor, path);
    const child = this.worker(w.account, ["read", w.full]);
    child.stdin.on("error", () => undefined);
    child.stdin.end();
    const err: Buffer[] = [];
    child.stderr.on("data", (d: Buffer) => err.push(d));
    const size = await new Promise<number>((resolveSize, reject) => {
      let head = "";
      const onData = (d: Buffer) => {
        head += d.toString("latin1");
        const nl = head.indexOf("\n");
        if (nl < 0) return;
        child.stdout.off("data", onData);
        child.stdout.pause();
        // what came after the size line is the file's first bytes
        const rest = Buffer.from(head.slice(nl + 1), "latin1");
        if (rest.length) child.stdout.unshift(rest);
        resolveSize(Number(head.slice(0, nl)));
      };
      child.stdout.on("data", onData);
      child.on("close", (code) => {
        if (code !== 0) reject(refused(err, w));
      });
    });
    return { full: w.full, size, body: child.stdout };
  }
}
