/**
 * The file worker: one file operation, run as the user it is for (the server starts it through
 * setpriv with the user's uid, gid and groups when it is root). The kernel then decides what
 * may be read or changed, as in that user's own terminal. It answers on stdout (a listing as
 * JSON, or a file's bytes) and, on failure, one JSON line on stderr: {errno, message}.
 *
 *   file-worker list DIR OFFSET LIMIT | read FILE | write FILE (bytes on stdin)
 *   | mkdir DIR | move FROM TO | remove PATH
 */
import { createWriteStream } from "node:fs";
import { lstat, mkdir, open, readdir, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";

/** One entry of a listing. */
export interface FileEntry {
  name: string;
  type: "file" | "dir" | "link" | "other";
  size: number;
  mode: string;
  modified: string;
}

async function list(dir: string, offset: number, limit: number): Promise<void> {
  // names sorted as a person reads them; a page of them described (100,000 in a folder are fine)
  const names = (await readdir(dir)).sort((a, b) => a.localeCompare(b));
  const entries: FileEntry[] = [];
  for (const name of names.slice(offset, offset + limit)) {
    const s = await lstat(join(dir, name)).catch(() => null);
    if (!s) continue;
    entries.push({
      name,
      type: s.isDirectory() ? "dir" : s.isSymbolicLink() ? "link" : s.isFile() ? "file" : "other",
      size: s.size,
      mode: (s.mode & 0o7777).toString(8).padStart(4, "0"),
      modified: s.mtime.toISOString(),
    });
  }
  process.stdout.write(JSON.stringify({ total: names.length, entries }));
}

async function main(): Promise<void> {
  const [op, a, b, c] = process.argv.slice(2);
  if (op === "list") await list(a!, Number(b), Number(c));
  else if (op === "read") {
    // its size first, on a line of its own, once it is open (a refusal comes before any byte)
    const file = await open(a!, "r");
    const { size } = await file.stat();
    process.stdout.write(`${size}\n`);
    await pipeline(file.createReadStream(), process.stdout);
  }
  // a new file only where the user may make one; an existing one is replaced, as cp does
  else if (op === "write") await pipeline(process.stdin, createWriteStream(a!, { mode: 0o644 }));
  else if (op === "mkdir") await mkdir(a!);
  else if (op === "move") await rename(a!, b!);
  else if (op === "remove") await rm(a!, { recursive: true });
  else throw Object.assign(new Error(`unknown operation ${op}`), { code: "EINVAL" });
}

main().catch((e: NodeJS.ErrnoException) => {
  process.stderr.write(JSON.stringify({ errno: e.code ?? "EIO", message: e.message }));
  process.exitCode = 1;
});
