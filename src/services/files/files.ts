import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { basename, dirname, isAbsolute, resolve, sep } from "node:path";
import type { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import type { UnixAccount } from "../../backends/unix-account.js";
import { asAccount } from "../../backends/unix-identity.js";
import type { FileEntry } from "./file-worker.js";
import { GuangError, invalidInput } from "../../core/errors.js";
import type { Actor } from "../access/actor.js";
import { refusal } from "./refusals.js";

const WORKER = fileURLToPath(new URL("./file-worker.js", import.meta.url));

/** The `files` config section. */
export const filesConfig = z.strictObject({
  /** Days a deleted file waits in its owner's trash (~/.guang-trash); 0: deletions are final. */
  trashDays: z.number().int().min(0).max(365).optional(),
  /** Places offered beside the home: e.g. a cluster's shared file system as this machine mounts it. */
  places: z
    .array(
      z.strictObject({
        name: z.string().min(1),
        path: z.string().startsWith("/", "files.places[].path is an absolute path"),
        cluster: z.string().optional(),
      }),
    )
    .optional(),
});
export type FilesSettings = z.infer<typeof filesConfig>;

export interface FileServiceOptions {
  /** The Unix account the user's work runs as (workAccount); null: the server's own user. */
  accountFor: (actor: Actor) => Promise<UnixAccount | null>;
  /** Without root: the folders files may be reached in (jobs.allowedRoots); Guang's home never. */
  allowedRoots: string[];
  guangHome: string;
  settings?: FilesSettings;
}

type Where = { full: string; account: UnixAccount | null; who: string; home: string | null };
/** What a download sends: the file's size and version, and the bytes from start to end. */
interface ReadHead {
  size: number;
  start: number;
  end: number;
  etag: string;
  satisfiable: boolean;
}

/**
 * Files as their owner reaches them: every operation is a short-lived worker running as the
 * user's own Unix account (setpriv, when the server is root), so that the kernel decides what
 * may be read and changed — symlinks, modes and groups included — as in the user's terminal.
 * Without root there is one identity, the server's, kept to the configured roots.
 */
export class FileService {
  private readonly trashDays: number;
  /** Uploads still being written, by path: a resumed one waits for the broken one to end. */
  private readonly writing = new Map<string, Promise<unknown>>();

  constructor(private readonly o: FileServiceOptions) {
    this.trashDays = o.settings?.trashDays ?? 7;
  }

  /** The path meant: absolute, or under the user's home; a name a person could type. */
  private async where(actor: Actor, path: string | undefined): Promise<Where> {
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
    return { full, account: a, who: a ? `your Unix account ${a.name}` : "the center", home };
  }

  private spawnAs(a: UnixAccount | null, cmd: string[]): ChildProcessWithoutNullStreams {
    const argv = a ? [...asAccount(a), ...cmd] : cmd;
    const child = spawn(argv[0]!, argv.slice(1), { stdio: ["pipe", "pipe", "pipe"], cwd: "/" });
    // a worker that refused (no such folder) stops reading: its refusal is the answer, not EPIPE
    child.stdin.on("error", () => undefined);
    return child;
  }

  /** Runs an operation to its end as the account: its JSON answer, or its refusal in words. */
  private async run<T>(w: Where, op: string, args: string[], input?: Readable): Promise<T> {
    const child = this.spawnAs(w.account, [process.execPath, WORKER, op, ...args]);
    if (input) {
      input.pipe(child.stdin);
      // a broken upload ends what the worker writes where it broke, so it can be resumed there
      input.on("close", () => child.stdin.end());
    } else child.stdin.end();
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
    if (code !== 0) throw refusal(Buffer.concat(err).toString(), w.full, w.who);
    const text = Buffer.concat(out).toString();
    return (text ? JSON.parse(text) : {}) as T;
  }

  private async op<T>(actor: Actor, path: string | undefined, op: string, extra: string[] = []) {
    const w = await this.where(actor, path);
    return { full: w.full, answer: await this.run<T>(w, op, [w.full, ...extra]) };
  }

  /** The places a person starts from: their home, and the center's configured places. */
  async places(actor: Actor) {
    const w = await this.where(actor, undefined).catch(() => null);
    return [
      ...(w ? [{ name: "home", path: w.full, cluster: null }] : []),
      ...(this.o.settings?.places ?? []).map((p) => ({ ...p, cluster: p.cluster ?? null })),
    ];
  }

  async list(
    actor: Actor,
    path: string | undefined,
    page: { offset: number; limit: number; sort: string; order: string },
  ) {
    const r = await this.op<{ total: number; entries: FileEntry[] }>(actor, path, "list", [
      String(page.offset),
      String(page.limit),
      page.sort,
      page.order,
    ]);
    return { path: r.full, ...r.answer };
  }

  async stat(actor: Actor, path: string) {
    const r = await this.op<FileEntry & { etag: string }>(actor, path, "stat");
    return { path: r.full, ...r.answer };
  }

  async mkdir(actor: Actor, path: string) {
    return { path: (await this.op(actor, path, "mkdir")).full };
  }

  async move(actor: Actor, from: string, to: string) {
    const target = await this.where(actor, to);
    return { path: (await this.op(actor, from, "move", [target.full])).full, to: target.full };
  }

  async copy(actor: Actor, from: string, to: string) {
    const target = await this.where(actor, to);
    return { path: (await this.op(actor, from, "copy", [target.full])).full, to: target.full };
  }

  async chmod(actor: Actor, path: string, mode: string) {
    if (!/^[0-7]{3,4}$/.test(mode))
      throw invalidInput(`mode ${mode} is not an octal mode: give e.g. 0644, 755 or 0700`);
    return { path: (await this.op(actor, path, "chmod", [mode])).full, mode };
  }

  /** To the owner's trash where the center keeps one (and they have a home); else for good. */
  async remove(actor: Actor, path: string, permanent: boolean) {
    const w = await this.where(actor, path);
    if (permanent || !this.trashDays || !w.account) {
      await this.run(w, "remove", [w.full]);
      return { path: w.full, trash: null };
    }
    const r = await this.run<{ id: string }>(w, "trash", [
      w.full,
      this.trashOf(w),
      String(this.trashDays),
    ]);
    return { path: w.full, trash: r.id };
  }

  private trashOf(w: Where): string {
    if (!this.trashDays || !w.account || !w.home)
      throw new GuangError(
        "conflict",
        409,
        "this center keeps no trash for you (files.trashDays is 0, or you have no Unix account of your own)",
      );
    return `${w.home}/.guang-trash`;
  }

  async trash(actor: Actor) {
    const w = await this.where(actor, undefined);
    return this.run<
      { id: string; path: string; deleted: string; until: string; type: string; size: number }[]
    >(w, "trashed", [this.trashOf(w), String(this.trashDays)]);
  }

  async restore(actor: Actor, id: string) {
    const w = await this.where(actor, undefined);
    return this.run<{ path: string }>(w, "restore", [this.trashOf(w), id]);
  }

  async emptyTrash(actor: Actor) {
    const w = await this.where(actor, undefined);
    await this.run(w, "empty-trash", [this.trashOf(w)]);
    return { emptied: true };
  }

  /**
   * An upload, streamed to the file as it comes (memory stays flat): at offset 0 it makes or
   * replaces the file; further on it resumes a broken one where it ends. With an etag it only
   * replaces that version of the file.
   */
  async write(actor: Actor, path: string, body: Readable, offset = 0, etag = "") {
    const w = await this.where(actor, path);
    // a resume may come while the broken upload's worker still writes its last bytes: after it,
    // the worker sees the file's true end (and says so when the offset is not it)
    const done = (this.writing.get(w.full) ?? Promise.resolve())
      .catch(() => undefined)
      .then(() =>
        this.run<{ size: number; etag: string }>(w, "write", [w.full, String(offset), etag], body),
      );
    this.writing.set(w.full, done);
    try {
      return { path: w.full, ...(await done) };
    } finally {
      if (this.writing.get(w.full) === done) this.writing.delete(w.full);
    }
  }

  /** A download: what is sent (size, version, range) once the file is open, then its bytes. */
  async read(actor: Actor, path: string, range?: { from: string; to: string }) {
    const w = await this.where(actor, path);
    const child = this.spawnAs(w.account, [
      process.execPath,
      WORKER,
      "read",
      w.full,
      range?.from ?? "",
      range?.to ?? "",
    ]);
    child.stdin.end();
    const head = JSON.parse(await firstLine(child, w)) as ReadHead;
    return { full: w.full, head, body: child.stdout };
  }

  /** A folder as a tar stream, read by tar running as the user (what they may not read fails it). */
  async archive(actor: Actor, path: string) {
    const w = await this.where(actor, path);
    const s = await this.run<FileEntry>(w, "stat", [w.full]);
    if (s.type !== "dir") throw invalidInput(`${w.full} is not a folder: download it as a file`);
    const child = this.spawnAs(w.account, [
      "tar",
      "-C",
      dirname(w.full),
      "-cf",
      "-",
      "--",
      basename(w.full),
    ]);
    child.stdin.end();
    return { full: w.full, body: child.stdout };
  }

  /** What a folder holds (bytes on disk, files), counted as the account that owns it. */
  async usage(account: UnixAccount | null, root: string) {
    const w: Where = { full: root, account, who: account?.name ?? "the center", home: null };
    return this.run<{ bytes: number; files: number; unreadable: number }>(w, "usage", [root]);
  }
}

/** The first line a worker writes (what follows stays in its stdout), or its refusal. */
function firstLine(child: ChildProcessWithoutNullStreams, w: Where): Promise<string> {
  const err: Buffer[] = [];
  child.stderr.on("data", (d: Buffer) => err.push(d));
  return new Promise<string>((resolveLine, reject) => {
    let head = "";
    const onData = (d: Buffer) => {
      head += d.toString("latin1");
      const nl = head.indexOf("\n");
      if (nl < 0) return;
      child.stdout.off("data", onData);
      child.stdout.pause();
      // what came after the line is the file's first bytes
      const rest = Buffer.from(head.slice(nl + 1), "latin1");
      if (rest.length) child.stdout.unshift(rest);
      resolveLine(head.slice(0, nl));
    };
    child.stdout.on("data", onData);
    child.on("close", (code) => {
      if (code !== 0) reject(refusal(Buffer.concat(err).toString(), w.full, w.who));
    });
  });
}
