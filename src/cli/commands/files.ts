import { createReadStream, createWriteStream, existsSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import type { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import { GuangError, invalidInput, isGuangError } from "../../core/errors.js";
import type { FileEntry } from "../../client/api-types.js";
import { ApiClient } from "../client.js";
import { printResult, table, timeText } from "../format.js";
import { progress } from "../progress.js";
import { formatBytes } from "../../core/byte-size.js";
import { subcommands } from "../subcommands.js";

export const FILES_HELP = `usage: guang files <subcommand>

Your files on the center, as your own Unix account reaches them (paths absolute, or relative
to your home there).

  ls [PATH] [--sort name|size|modified] [--reverse]
                                a folder, folders first (like ls -l)
  get REMOTE [LOCAL|-] [-c]     download a file (a folder comes as NAME.tar); -c goes on
                                with a LOCAL file an earlier download left part-way
  put LOCAL [REMOTE] [-c]       upload a file; a dropped connection is resumed where it
                                broke; -c goes on with an upload an earlier run left part-way
  mkdir PATH                    make a folder
  mv FROM TO                    rename or move
  cp FROM TO                    copy a file or a folder with all it holds (as cp -a)
  chmod MODE PATH               change the mode (octal: 0644, 755)
  rm PATH... [--permanent]      delete: to your trash where the center keeps one
  trash [--empty]               what your trash holds (or empty it, for good)
  restore ID                    put a deleted file back where it was

Every subcommand takes --json. Long transfers show progress on a terminal.
`;

const q = encodeURIComponent;

type Entry = FileEntry;
interface Stat extends Entry {
  path: string;
  etag: string;
}

const OPTIONS = {
  json: { type: "boolean" },
  sort: { type: "string" },
  reverse: { type: "boolean", short: "r" },
  continue: { type: "boolean", short: "c" },
  permanent: { type: "boolean" },
  empty: { type: "boolean" },
} as const;

/** A subcommand's flags: --json and those it names (any other is refused, in words). */
function args(argv: string[], allowed: (keyof typeof OPTIONS)[] = []) {
  const options = Object.fromEntries(
    ["json" as const, ...allowed].map((k) => [k, OPTIONS[k]]),
  ) as typeof OPTIONS;
  return parseArgs({ args: argv, allowPositionals: true, strict: true, options });
}

function need(positionals: string[], n: number, usage: string): string[] {
  if (positionals.length < n) throw invalidInput(`usage: guang files ${usage}`);
  return positionals;
}

/** A mode as ls shows it: drwxr-x---. */
function modeText(type: Entry["type"], mode: string): string {
  const bits = parseInt(mode, 8);
  const rwx = [6, 3, 0].map((s) =>
    ["r", "w", "x"].map((c, i) => ((bits >> (s + 2 - i)) & 1 ? c : "-")).join(""),
  );
  return ({ dir: "d", link: "l", file: "-", other: "?" } as const)[type] + rwx.join("");
}

const stat = (client: ApiClient, path: string) =>
  client.request<Stat>("GET", `/api/v1/files/stat?path=${q(path)}`);

const notFound = (e: unknown) => isGuangError(e) && e.status === 404;

/** Uploads from `offset` on; a dropped connection is taken up where the server says it broke. */
async function upload(
  client: ApiClient,
  local: string,
  remote: string,
  size: number,
  offset: number,
) {
  for (let attempt = 0; ; attempt++) {
    const source = createReadStream(local, { start: offset, highWaterMark: 1 << 20 });
    const counted = progress(`put ${basename(local)}`, size, offset);
    source.on("error", (e) => counted.destroy(e));
    try {
      return await client.upload<{ path: string; size: number; etag: string }>(
        `/api/v1/files/content?path=${q(remote)}${offset ? `&offset=${offset}` : ""}`,
        source.pipe(counted),
        { "content-type": "application/octet-stream", "content-length": String(size - offset) },
      );
    } catch (e) {
      source.destroy();
      if (!isGuangError(e) || attempt >= 5) throw e;
      if (e.code === "server:upload_offset") offset = Number(e.details.size);
      else if (e.code === "server:unreachable") offset = (await stat(client, remote)).size;
      else throw e;
      if (offset > size)
        throw invalidInput(`${remote} on the center is larger than ${local}: not the same file`);
    }
  }
}

/**
 * A subcommand that is one POST: its words (as many as USAGE names) become the body, and
 * the answer is said in a line (or given as JSON).
 */
function posted(
  usage: string,
  route: string,
  body: (words: string[]) => Record<string, string | undefined>,
  said: (r: { path: string; to?: string; mode?: string }) => string,
): (argv: string[]) => Promise<number> {
  return async (argv) => {
    const { values, positionals } = args(argv);
    if (positionals.length !== usage.split(" ").length - 1)
      throw invalidInput(`usage: guang files ${usage}`);
    const r = await ApiClient.fromEnvironment().request<{
      path: string;
      to?: string;
      mode?: string;
    }>("POST", `/api/v1/files/${route}`, body(positionals));
    return printResult(values.json, r, () => said(r));
  };
}

export const filesCommand = subcommands("files", FILES_HELP, {
  async ls(argv) {
    const { values, positionals } = args(argv, ["sort", "reverse"]);
    const sort = values.sort ?? "name";
    if (!["name", "size", "modified"].includes(sort))
      throw invalidInput(`--sort is name, size or modified, not "${sort}"`);
    const client = ApiClient.fromEnvironment();
    const base = `/api/v1/files?sort=${sort}&order=${values.reverse ? "desc" : "asc"}${positionals[0] ? `&path=${q(positionals[0])}` : ""}`;
    const entries: Entry[] = [];
    let page: { path: string; total: number; entries: Entry[] };
    do {
      page = await client.request(`GET`, `${base}&offset=${entries.length}&limit=5000`);
      entries.push(...page.entries);
    } while (entries.length < page.total && page.entries.length > 0);
    return printResult(values.json, { path: page.path, entries }, () =>
      table(
        ["MODE", "SIZE", "MODIFIED", "NAME"],
        entries.map((e) => [
          modeText(e.type, e.mode),
          e.type === "dir" ? "-" : formatBytes(e.size),
          timeText(e.modified),
          e.type === "dir" ? `${e.name}/` : e.name,
        ]),
      ),
    );
  },

  async get(argv) {
    const { values, positionals } = args(argv, ["continue"]);
    const [remote, given] = need(positionals, 1, "get REMOTE [LOCAL|-] [-c]");
    const client = ApiClient.fromEnvironment();
    const s = await stat(client, remote!);
    const isDir = s.type === "dir";
    const name = isDir ? `${s.name}.tar` : s.name;
    const local =
      given === undefined
        ? name
        : existsSync(given) && statSync(given).isDirectory()
          ? join(given, name)
          : given;
    const toStdout = local === "-";
    const offset =
      values.continue && !toStdout && !isDir && existsSync(local) ? statSync(local).size : 0;
    if (offset > s.size)
      throw invalidInput(
        `${local} is larger than ${s.path} on the center: not the same file; get it again without -c`,
      );
    if (!isDir && offset === s.size && offset > 0)
      return printResult(
        values.json,
        { path: s.path, to: local, size: s.size },
        () => `${local} is already whole`,
      );
    const res = await client.download(
      isDir ? `/api/v1/files/archive?path=${q(s.path)}` : `/api/v1/files/content?path=${q(s.path)}`,
      offset ? { range: `bytes=${offset}-` } : {},
    );
    if (offset && res.statusCode !== 206)
      throw new GuangError(
        "server:no_range",
        502,
        "the server sent the whole file, not the rest: get it again without -c",
      );
    const sink: Writable = toStdout
      ? process.stdout
      : createWriteStream(local, { flags: offset ? "a" : "w" });
    await pipeline(res, progress(`get ${name}`, isDir ? 0 : s.size, offset), sink);
    if (toStdout) return 0;
    const size = statSync(local).size;
    return printResult(
      values.json,
      { path: s.path, to: local, size },
      () => `${s.path} → ${local} (${formatBytes(size)})`,
    );
  },

  async put(argv) {
    const { values, positionals } = args(argv, ["continue"]);
    const [local, given] = need(positionals, 1, "put LOCAL [REMOTE] [-c]");
    if (!existsSync(local!)) throw invalidInput(`${local}: no such file here`);
    if (!statSync(local!).isFile())
      throw invalidInput(
        `${local} is not a file: put a folder as an archive (tar -cf NAME.tar ${local})`,
      );
    const size = statSync(local!).size;
    const remote =
      given === undefined
        ? basename(local!)
        : given.endsWith("/")
          ? given + basename(local!)
          : given;
    const client = ApiClient.fromEnvironment();
    let offset = 0;
    if (values.continue) {
      const there = await stat(client, remote).catch((e: unknown) => {
        if (notFound(e)) return null;
        throw e;
      });
      offset = there?.size ?? 0;
      if (offset > size)
        throw invalidInput(
          `${there!.path} on the center is larger than ${local}: not the same file; put it without -c`,
        );
    }
    const r = await upload(client, local!, remote, size, offset);
    return printResult(values.json, r, () => `${local} → ${r.path} (${formatBytes(r.size)})`);
  },

  mkdir: posted(
    "mkdir PATH",
    "mkdir",
    ([path]) => ({ path }),
    (r) => `Made ${r.path}`,
  ),
  mv: posted(
    "mv FROM TO",
    "move",
    ([from, to]) => ({ from, to }),
    (r) => `${r.path} → ${r.to}`,
  ),
  cp: posted(
    "cp FROM TO",
    "copy",
    ([from, to]) => ({ from, to }),
    (r) => `Copied ${r.path} to ${r.to}`,
  ),
  chmod: posted(
    "chmod MODE PATH",
    "chmod",
    ([mode, path]) => ({ path, mode }),
    (r) => `${r.path}: mode ${r.mode}`,
  ),
  restore: posted(
    "restore ID",
    "trash/restore",
    ([id]) => ({ id }),
    (r) => `Restored ${r.path}`,
  ),

  async rm(argv) {
    const { values, positionals } = args(argv, ["permanent"]);
    need(positionals, 1, "rm PATH... [--permanent]");
    const client = ApiClient.fromEnvironment();
    const done: { path: string; trash: string | null }[] = [];
    for (const p of positionals)
      done.push(
        await client.request(
          "DELETE",
          `/api/v1/files?path=${q(p)}${values.permanent ? "&permanent=true" : ""}`,
        ),
      );
    return printResult(values.json, done, () =>
      done
        .map((d) =>
          d.trash
            ? `${d.path} is in your trash (guang files restore ${d.trash})`
            : `Deleted ${d.path}`,
        )
        .join("\n"),
    );
  },

  async trash(argv) {
    const { values } = args(argv, ["empty"]);
    const client = ApiClient.fromEnvironment();
    if (values.empty) {
      const r = await client.request<{ emptied: boolean }>("DELETE", "/api/v1/files/trash");
      return printResult(values.json, r, () => "Your trash is empty");
    }
    const rows = await client.request<
      { id: string; path: string; deleted: string; until: string; type: string; size: number }[]
    >("GET", "/api/v1/files/trash");
    return printResult(values.json, rows, () =>
      table(
        ["ID", "DELETED", "KEPT UNTIL", "SIZE", "WAS"],
        rows.map((r) => [
          r.id,
          timeText(r.deleted),
          timeText(r.until),
          r.type === "dir" ? "-" : formatBytes(r.size),
          r.path,
        ]),
      ),
    );
  },
});
