import { parseBeginTime } from "./begin-time.js";
import { parseDependency } from "./dependency.js";
import { parseSlurmDuration } from "./duration.js";
import { invalidInput, isGuangError } from "./errors.js";
import { parseExport } from "./export-spec.js";
import { parseArraySpec } from "./job-array.js";
import { MAIL_TYPES, type JobOptions, type MailType } from "./job-spec.js";
import { parseMemoryMiB } from "./memory-size.js";
import { validateRequest } from "./resource-request.js";

/**
 * sbatch's options, one table for every way they arrive: `#SBATCH` lines in a script,
 * command-line flags, and the `options` object of the REST API (long names as keys).
 */
interface OptionDef {
  long: string;
  short?: string;
  /** Flags take no value. */
  flag?: boolean;
  apply(o: JobOptions, value: string, nowMs: number): void;
}

function positiveInt(option: string, v: string): number {
  if (!/^\d+$/.test(v.trim()) || Number(v) < 1)
    throw invalidInput(`${option} needs a positive whole number, got "${v}"`);
  return Number(v);
}

function nonEmpty(option: string, v: string): string {
  if (v.trim() === "") throw invalidInput(`${option} needs a value`);
  // a newline or NUL in a name or path would forge lines in listings, logs and files
  // eslint-disable-next-line no-control-regex -- control characters are exactly what it looks for
  const bad = /[\x00-\x1f\x7f]/.exec(v);
  if (bad)
    throw invalidInput(
      `${option} contains a control character (code ${bad[0].charCodeAt(0)}); use printable characters only`,
    );
  return v.trim();
}

/** `--gres=gpu[:type]:N[,...]`: only GPUs are generic resources here. */
function applyGres(o: JobOptions, v: string): void {
  for (const item of v.split(",")) {
    const parts = item.trim().split(":");
    if (parts[0] !== "gpu")
      throw invalidInput(
        `--gres "${item}": only gpu is a generic resource here; use gpu:N or gpu:TYPE:N`,
      );
    let count = 1;
    let type: string | null = null;
    if (parts.length === 2) {
      if (/^\d+$/.test(parts[1]!)) count = positiveInt("--gres=gpu:N", parts[1]!);
      else type = parts[1]!;
    } else if (parts.length === 3) {
      type = parts[1]!;
      count = positiveInt("--gres=gpu:TYPE:N", parts[2]!);
    } else if (parts.length > 3) throw invalidInput(`--gres "${item}": use gpu:N or gpu:TYPE:N`);
    o.request.gpusPerNode = count;
    o.request.gpuType = type;
  }
}

function applyGpus(o: JobOptions, v: string): void {
  const parts = v.trim().split(":");
  if (parts.length > 2) throw invalidInput(`--gpus "${v}": use N or TYPE:N`);
  o.request.gpus = positiveInt("--gpus", parts[parts.length - 1]!);
  o.request.gpuType =
    parts.length === 2 ? nonEmpty("--gpus type", parts[0]!) : (o.request.gpuType ?? null);
}

function applyMailType(o: JobOptions, v: string): void {
  const types = v.split(",").map((t) => t.trim().toUpperCase());
  for (const t of types) {
    if (!(MAIL_TYPES as readonly string[]).includes(t))
      throw invalidInput(`--mail-type "${t}" is unknown; use ${MAIL_TYPES.join(", ")}`);
  }
  o.mailType = types as MailType[];
}

const OPTIONS: OptionDef[] = [
  { long: "job-name", short: "J", apply: (o, v) => void (o.name = nonEmpty("--job-name", v)) },
  {
    long: "partition",
    short: "p",
    apply: (o, v) => void (o.partition = nonEmpty("--partition", v)),
  },
  { long: "account", short: "A", apply: (o, v) => void (o.account = nonEmpty("--account", v)) },
  { long: "qos", short: "q", apply: (o, v) => void (o.qos = nonEmpty("--qos", v)) },
  { long: "clusters", short: "M", apply: (o, v) => clusterChoice(o, v) },
  {
    long: "nodes",
    short: "N",
    apply: (o, v) => {
      const m = /^(\d+)-(\d+)$/.exec(v.trim());
      if (m && m[1] !== m[2])
        throw invalidInput(`--nodes "${v}": node ranges are not supported; give one number`);
      o.request.nodes = positiveInt("--nodes", m ? m[1]! : v);
    },
  },
  {
    long: "ntasks",
    short: "n",
    apply: (o, v) => void (o.request.tasks = positiveInt("--ntasks", v)),
  },
  {
    long: "ntasks-per-node",
    apply: (o, v) =>
      void (o.request.tasks = positiveInt("--ntasks-per-node", v) * (o.request.nodes ?? 1)),
  },
  {
    long: "cpus-per-task",
    short: "c",
    apply: (o, v) => void (o.request.cpusPerTask = positiveInt("--cpus-per-task", v)),
  },
  { long: "mem", apply: (o, v) => void (o.request.memPerNode = parseMemoryMiB(v, "--mem")) },
  {
    long: "mem-per-cpu",
    apply: (o, v) => void (o.request.memPerCpu = parseMemoryMiB(v, "--mem-per-cpu")),
  },
  { long: "gres", apply: applyGres },
  { long: "gpus", short: "G", apply: applyGpus },
  // as in Slurm, a limit of 0 asks for none (the partition's longest still applies)
  {
    long: "time",
    short: "t",
    apply: (o, v) => {
      const t = parseSlurmDuration(v);
      o.timeLimit = t === 0 ? Infinity : t;
    },
  },
  { long: "output", short: "o", apply: (o, v) => void (o.output = nonEmpty("--output", v)) },
  { long: "error", short: "e", apply: (o, v) => void (o.error = nonEmpty("--error", v)) },
  { long: "chdir", short: "D", apply: (o, v) => void (o.workdir = nonEmpty("--chdir", v)) },
  { long: "array", short: "a", apply: (o, v) => void (o.array = parseArraySpec(v)) },
  { long: "dependency", short: "d", apply: (o, v) => void (o.dependency = parseDependency(v)) },
  { long: "export", apply: (o, v) => void (o.export = parseExport(v)) },
  { long: "begin", short: "b", apply: (o, v, now) => void (o.begin = parseBeginTime(v, now)) },
  { long: "hold", short: "H", flag: true, apply: (o) => void (o.hold = true) },
  {
    long: "exclusive",
    flag: true,
    apply: (o, v) => {
      if (v !== "" && v !== "true")
        throw invalidInput(`--exclusive=${v} is not supported; use --exclusive alone`);
      o.request.exclusive = true;
    },
  },
  { long: "mail-type", apply: applyMailType },
  { long: "mail-user", apply: (o, v) => void (o.mailUser = nonEmpty("--mail-user", v)) },
];

const BY_LONG = new Map(OPTIONS.map((d) => [d.long, d]));
/**
 * sbatch -M: one cluster, or a list (or "any") to choose from: the job goes to the one where
 * it is predicted to start first (see services/jobs/placement.ts).
 */
function clusterChoice(o: JobOptions, v: string): void {
  const names = nonEmpty("--clusters", v)
    .split(",")
    .map((x) => x.trim())
    .filter((x) => x);
  if (names.length === 0)
    throw invalidInput(`--clusters (-M) names a cluster, a list of them or "any", got "${v}"`);
  const any = names.some((n) => n === "any" || n === "all");
  if (any && names.length > 1)
    throw invalidInput(`--clusters (-M) is "any" alone or a list of clusters, got "${v}"`);
  delete o.cluster;
  delete o.clusters;
  if (names.length === 1 && !any) o.cluster = names[0]!;
  else o.clusters = any ? "any" : [...new Set(names)];
}

const BY_SHORT = new Map(OPTIONS.filter((d) => d.short).map((d) => [d.short!, d]));

/** Option names as sbatch users write them, for messages. */
const SBATCH_OPTION_NAMES: readonly string[] = OPTIONS.map((d) =>
  d.short ? `-${d.short}/--${d.long}` : `--${d.long}`,
);

/** One option as it was written, with where it came from (for error messages). */
export interface OptionItem {
  name: string;
  value: string;
  where: string;
  /** The script's line it was written on (an `#SBATCH` line), for an editor to mark. */
  line?: number;
}

/** Levenshtein distance, for "did you mean" (option names are short). */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(
        prev[j]! + 1,
        cur[j - 1]! + 1,
        prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    prev = cur;
  }
  return prev[b.length]!;
}

function lookup(name: string, where: string): OptionDef {
  const def = name.length === 1 ? BY_SHORT.get(name) : BY_LONG.get(name);
  if (def) return def;
  const shown = name.length === 1 ? `-${name}` : `--${name}`;
  const close = OPTIONS.filter(
    (d) =>
      name.length > 1 &&
      (d.long.startsWith(name) || name.startsWith(d.long) || editDistance(name, d.long) <= 2),
  ).map((d) => `--${d.long}`);
  throw invalidInput(
    `${where}: unknown option ${shown}${close.length ? ` (did you mean ${close.join(" or ")}?)` : ""}; supported: ${SBATCH_OPTION_NAMES.join(", ")}`,
    { option: shown, where },
  );
}

/** Splits a directive's text into words, honouring single and double quotes and a trailing `# comment`. */
function splitWords(text: string, where: string): string[] {
  const words: string[] = [];
  let cur = "";
  let quote: string | null = null;
  let inWord = false;
  for (const ch of text) {
    if (quote) {
      if (ch === quote) quote = null;
      else cur += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(cur);
      cur = "";
      inWord = false;
    } else if (ch === "#" && !inWord) {
      break;
    } else {
      cur += ch;
      inWord = true;
    }
  }
  if (quote) throw invalidInput(`${where}: unterminated ${quote} quote`);
  if (inWord) words.push(cur);
  return words;
}

/**
 * Reads options from words as getopt would: `-J name`, `-Jname`, `--job-name=name`,
 * `--job-name name`, flags alone. Stops at the first word that is not an option and
 * returns the rest (a script path and its arguments, on a command line).
 */
export function readOptionWords(
  words: string[],
  where: string,
): { items: OptionItem[]; rest: string[] } {
  const items: OptionItem[] = [];
  let i = 0;
  for (; i < words.length; i++) {
    const w = words[i]!;
    if (w === "--") {
      i++;
      break;
    }
    if (!w.startsWith("-") || w === "-") break;
    let name: string;
    let value: string | undefined;
    if (w.startsWith("--")) {
      const eq = w.indexOf("=");
      name = eq < 0 ? w.slice(2) : w.slice(2, eq);
      value = eq < 0 ? undefined : w.slice(eq + 1);
    } else {
      name = w.slice(1, 2);
      value = w.length > 2 ? w.slice(2) : undefined;
    }
    const def = lookup(name, where);
    if (def.flag) {
      items.push({ name: def.long, value: value ?? "", where });
      continue;
    }
    if (value === undefined) {
      const next = words[i + 1];
      if (next === undefined)
        throw invalidInput(`${where}: option ${w} needs a value`, { option: w, where });
      value = next;
      i++;
    }
    items.push({ name: def.long, value, where });
  }
  return { items, rest: words.slice(i) };
}

/**
 * The `#SBATCH` lines of a script, as sbatch reads them: the first line must be `#!`, and
 * directives are read until the first line that is neither blank nor a comment.
 */
export function scriptDirectives(script: string): OptionItem[] {
  // as sbatch: a script saved on Windows would fail in bash ("\r: command not found")
  const crlf = script.indexOf("\r\n");
  if (crlf >= 0) {
    const line = script.slice(0, crlf).split("\n").length;
    throw invalidInput(
      `the script has DOS line breaks (\\r\\n), first at line ${line}; bash needs UNIX ones: convert it with dos2unix and submit again`,
      { line },
    );
  }
  const nul = script.indexOf("\0");
  if (nul >= 0)
    throw invalidInput(
      `the script contains a NUL byte at line ${script.slice(0, nul).split("\n").length}; a batch script is text`,
    );
  const lines = script.split("\n");
  if (!lines[0]?.startsWith("#!")) {
    throw invalidInput(
      "the script's first line must start with #! and name its interpreter, e.g. #!/bin/bash",
    );
  }
  const items: OptionItem[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === "") continue;
    if (!line.startsWith("#")) break;
    const m = /^#SBATCH(\s+|$)(.*)$/.exec(line);
    if (!m) continue;
    const where = `script line ${i + 1}`;
    try {
      const words = splitWords(m[2]!, where);
      const { items: found, rest } = readOptionWords(words, where);
      if (rest.length > 0)
        throw invalidInput(
          `${where}: "${rest.join(" ")}" is not an option; #SBATCH lines hold options like --time=10`,
          { where },
        );
      items.push(...found.map((it) => ({ ...it, line: i + 1 })));
    } catch (e) {
      // the line it is on, for the portal's editor to mark
      if (isGuangError(e)) e.details.line = i + 1;
      throw e;
    }
  }
  return items;
}

/** The REST API's `options` object: long option names as keys. */
export function objectOptions(obj: Record<string, string | number | boolean>): OptionItem[] {
  const items: OptionItem[] = [];
  for (const [key, raw] of Object.entries(obj)) {
    const where = `option "${key}"`;
    const def = lookup(key.replace(/^-+/, ""), where);
    if (def.flag) {
      if (raw === false) continue;
      items.push({ name: def.long, value: "", where });
    } else {
      if (typeof raw === "boolean")
        throw invalidInput(`${where} needs a value, not ${raw}`, { option: key });
      items.push({ name: def.long, value: String(raw), where });
    }
  }
  return items;
}

/**
 * Applies options in order (later ones override earlier ones, as command-line flags
 * override `#SBATCH` lines) and checks the request for contradictions.
 */
export function buildJobOptions(items: OptionItem[], nowMs: number): JobOptions {
  const o: JobOptions = { request: {} };
  for (const it of items) {
    const def = BY_LONG.get(it.name)!;
    try {
      def.apply(o, it.value, nowMs);
    } catch (e) {
      if (isGuangError(e))
        throw invalidInput(`${it.where}: ${e.message}`, {
          ...e.details,
          option: `--${def.long}`,
          where: it.where,
          ...(it.line !== undefined ? { line: it.line } : {}),
        });
      throw e;
    }
  }
  // `--gres` and `--gpus` from different sources: the later source wins, as sbatch does
  const lastGpu = [...items].reverse().find((i) => i.name === "gres" || i.name === "gpus");
  if (lastGpu?.name === "gres") delete o.request.gpus;
  if (lastGpu?.name === "gpus") delete o.request.gpusPerNode;
  const lastMem = [...items].reverse().find((i) => i.name === "mem" || i.name === "mem-per-cpu");
  if (lastMem?.name === "mem") delete o.request.memPerCpu;
  if (lastMem?.name === "mem-per-cpu") delete o.request.memPerNode;
  validateRequest(o.request);
  return o;
}
