/**
 * The file worker: one file operation, run as the user it is for (the server starts it through
 * setpriv with the user's uid, gid and groups when it is root). The kernel then decides what
 * may be read or changed, as in that user's own terminal. It answers on stdout (JSON, or a
 * file's bytes after one JSON line) and, on failure, one JSON line on stderr: {errno, message}.
 *
 *   list DIR OFFSET LIMIT SORT ORDER | stat PATH | read FILE FROM TO | write FILE OFFSET ETAG
 *   | mkdir DIR | move FROM TO | copy FROM TO | chmod PATH MODE | remove PATH
 *   | trash PATH TRASHDIR DAYS | restore TRASHDIR ID | trashed TRASHDIR DAYS | usage ROOT
 */
import { createWriteStream, type BigIntStats, type Stats } from "node:fs";
import { chmod, cp, lstat, mkdir, open, readdir, rename, rm, stat } from "node:fs/promises";
import { pipeline } from "node:stream/promises";
import { emptyTrash, listTrash, restore, toTrash } from "./trash.js";
import { usage } from "./usage-scan.js";
import { failure } from "./worker-failure.js";

/** One entry of a listing. */
export interface FileEntry {
  name: string;
  type: "file" | "dir" | "link" | "other";
  size: number;
  mode: string;
  modified: string;
}

function entry(name: string, s: Stats): FileEntry {
  return {
    name,
    type: s.isDirectory() ? "dir" : s.isSymbolicLink() ? "link" : s.isFile() ? "file" : "other",
    size: s.size,
    mode: (s.mode & 0o7777).toString(8).padStart(4, "0"),
    modified: s.mtime.toISOString(),
  };
}

/** A version of a file's content: its size and its change time to the nanosecond. */
function etag(s: BigIntStats): string {
  return `"${s.size.toString(16)}-${s.mtimeNs.toString(16)}"`;
}

async function list(dir: string, offset: number, limit: number, sort: string, order: string) {
  // folders first, then as asked; by name needs no stat of all (100,000 in a folder are fine).
  // Names are read as bytes: one made in a shell that is not UTF-8 is still listed (shown with
  // U+FFFD) and stat'ed by its true name, never dropped or confused with another.
  const dirents = (await readdir(dir, { withFileTypes: true, encoding: "buffer" })).map((d) => ({
    name: d.name.toString("utf8"),
    raw: Buffer.concat([Buffer.from(`${dir}/`), d.name]),
    dir: d.isDirectory(),
  }));
  type Named = (typeof dirents)[number];
  const stats = new Map<Named, Stats>();
  if (sort !== "name")
    for (const d of dirents) {
      const s = await lstat(d.raw).catch(() => null);
      if (s) stats.set(d, s);
    }
  const key = (d: Named) =>
    sort === "size" ? (stats.get(d)?.size ?? 0) : (stats.get(d)?.mtimeMs ?? 0);
  const sign = order === "desc" ? -1 : 1;
  dirents.sort(
    (a, b) =>
      Number(b.dir) - Number(a.dir) ||
      sign * (sort === "name" ? a.name.localeCompare(b.name) : key(a) - key(b)) ||
      a.name.localeCompare(b.name),
  );
  const entries: FileEntry[] = [];
  for (const d of dirents.slice(offset, offset + limit)) {
    const s = stats.get(d) ?? (await lstat(d.raw).catch(() => null));
    if (s) entries.push(entry(d.name, s));
  }
  return { total: dirents.length, entries };
}

/** A file's bytes FROM..TO (inclusive; "" for its end), after a line saying what is sent. */
async function read(file: string, from: string, to: string) {
  const fh = await open(file, "r");
  const s = await fh.stat({ bigint: true });
  if (!s.isFile()) throw failure("EISDIR", "not a regular file");
  const size = Number(s.size);
  // a suffix range (-N) is the last N bytes
  const start = from === "" && to !== "" ? Math.max(0, size - Number(to)) : Number(from || 0);
  const end = from === "" || to === "" ? size - 1 : Math.min(Number(to), size - 1);
  const head = { size, start, end, etag: etag(s), satisfiable: size === 0 || start <= end };
  process.stdout.write(`${JSON.stringify(head)}\n`);
  if (!head.satisfiable || size === 0) return fh.close();
  await pipeline(fh.createReadStream({ start, end, highWaterMark: 1 << 20 }), process.stdout);
}

/**
 * An upload: at 0 the file is made or replaced; further on it goes on where an earlier,
 * broken upload stopped (a resumed one), and only there. With an etag, only over that version
 * (the editor's save, refused when someone changed the file meanwhile).
 */
async function write(file: string, offset: number, expected: string) {
  if (expected) {
    const s = await stat(file, { bigint: true });
    if (etag(s) !== expected) throw failure("ECHANGED", etag(s));
  }
  if (offset === 0) await pipeline(process.stdin, createWriteStream(file, { mode: 0o644 }));
  else {
    const fh = await open(file, "r+");
    const { size } = await fh.stat();
    if (size !== offset) {
      await fh.close();
      throw failure("EOFFSET", String(size));
    }
    await pipeline(process.stdin, fh.createWriteStream({ start: offset }));
  }
  const s = await stat(file, { bigint: true });
  return { size: Number(s.size), etag: etag(s) };
}

async function run(op: string, a: string, b: string, c: string, d: string): Promise<unknown> {
  switch (op) {
    case "list":
      return list(a, Number(b), Number(c), d, process.argv[7] ?? "asc");
    case "stat": {
      const s = await lstat(a);
      return { ...entry(a.split("/").pop() ?? a, s), etag: etag(await lstat(a, { bigint: true })) };
    }
    case "read":
      return read(a, b, c);
    case "write":
      return write(a, Number(b), c);
    case "mkdir":
      return mkdir(a);
    case "move":
      return rename(a, b);
    case "copy":
      // as cp -a: links stay links, times and modes kept, nothing overwritten
      return cp(a, b, {
        recursive: true,
        errorOnExist: true,
        force: false,
        preserveTimestamps: true,
        verbatimSymlinks: true,
      });
    case "chmod":
      return chmod(a, parseInt(b, 8));
    case "remove":
      return rm(a, { recursive: true });
    case "trash":
      return toTrash(a, b, Number(c));
    case "restore":
      return restore(a, b);
    case "trashed":
      return listTrash(a, Number(b));
    case "empty-trash":
      return emptyTrash(a);
    case "usage":
      return usage(a);
    default:
      throw failure("EINVAL", `unknown operation ${op}`);
  }
}

async function main(): Promise<void> {
  const [op, a = "", b = "", c = "", d = ""] = process.argv.slice(2);
  const answer = await run(op!, a, b, c, d);
  if (answer !== undefined) process.stdout.write(JSON.stringify(answer));
}

main().catch((e: NodeJS.ErrnoException) => {
  process.stderr.write(JSON.stringify({ errno: e.code ?? "EIO", message: e.message }));
  process.exitCode = 1;
});
