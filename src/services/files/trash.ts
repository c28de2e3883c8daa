/**
 * The per-user trash, inside the user's own home (so a deletion moves nothing across file
 * systems or owners): TRASH/<id>/<name> with TRASH/<id>/.origin.json saying where it was and
 * when. Run inside the file worker, as the user. Entries older than the center's days go.
 */
import { randomBytes } from "node:crypto";
import { lstat, mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { failure } from "./worker-failure.js";

const ORIGIN = ".origin.json";

interface Origin {
  path: string;
  deleted: string;
}

/** Entries of the trash older than `days` are deleted for good. */
async function purge(trash: string, days: number) {
  const ids = await readdir(trash).catch(() => [] as string[]);
  const before = Date.now() - days * 86_400_000;
  for (const id of ids) {
    const origin = await readOrigin(trash, id);
    if (origin && Date.parse(origin.deleted) < before)
      await rm(join(trash, id), { recursive: true, force: true });
  }
}

async function readOrigin(trash: string, id: string): Promise<Origin | null> {
  return readFile(join(trash, id, ORIGIN), "utf8")
    .then((t) => JSON.parse(t) as Origin)
    .catch(() => null);
}

export async function toTrash(path: string, trash: string, days: number) {
  if (path === trash || path.startsWith(`${trash}/`) || trash.startsWith(`${path}/`))
    throw failure("ETRASHSELF", "the trash cannot go to the trash");
  await lstat(path); // a missing path is refused before the trash is made
  await purge(trash, days);
  await mkdir(trash, { recursive: true, mode: 0o700 });
  const id = `${Date.now().toString(36)}-${randomBytes(4).toString("hex")}`;
  await mkdir(join(trash, id), { mode: 0o700 });
  const origin: Origin = { path, deleted: new Date().toISOString() };
  await writeFile(join(trash, id, ORIGIN), JSON.stringify(origin), { mode: 0o600 });
  try {
    await rename(path, join(trash, id, basename(path)));
  } catch (e) {
    await rm(join(trash, id), { recursive: true, force: true });
    throw e;
  }
  return { id };
}

export async function listTrash(trash: string, days: number) {
  await purge(trash, days);
  const out = [];
  for (const id of await readdir(trash).catch(() => [] as string[])) {
    const origin = await readOrigin(trash, id);
    if (!origin) continue;
    const s = await lstat(join(trash, id, basename(origin.path))).catch(() => null);
    if (!s) continue;
    out.push({
      id,
      path: origin.path,
      deleted: origin.deleted,
      type: s.isDirectory() ? "dir" : "file",
      size: s.size,
      until: new Date(Date.parse(origin.deleted) + days * 86_400_000).toISOString(),
    });
  }
  return out.sort((a, b) => b.deleted.localeCompare(a.deleted));
}

export async function restore(trash: string, id: string) {
  const origin = /^[a-z0-9-]+$/.test(id) ? await readOrigin(trash, id) : null;
  if (!origin) throw failure("ENOTRASH", id);
  // never over something made since at the same place
  if (await lstat(origin.path).catch(() => null)) throw failure("EEXIST", origin.path);
  await rename(join(trash, id, basename(origin.path)), origin.path);
  await rm(join(trash, id), { recursive: true, force: true });
  return { path: origin.path };
}

export async function emptyTrash(trash: string) {
  for (const id of await readdir(trash).catch(() => [] as string[]))
    await rm(join(trash, id), { recursive: true, force: true });
}
