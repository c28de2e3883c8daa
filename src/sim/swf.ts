import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { invalidInput } from "../core/errors.js";

/**
 * Reader for the Standard Workload Format (SWF v2.2) of the Parallel Workloads Archive:
 * header lines start with ';', every job line has 18 whitespace-separated numeric fields.
 * Fields are kept column-wise in typed arrays because traces run to hundreds of thousands of
 * jobs and the simulator reads them on every run; parsing is done on bytes for the same reason.
 */
export interface SwfTrace {
  file: string;
  /** Header "MaxProcs" (first integer), when present. */
  maxProcs: number | null;
  /** Header "MaxNodes" (first integer), when present. */
  maxNodes: number | null;
  count: number;
  /** 1-based line of each job in the file, for messages. */
  line: Int32Array;
  jobId: Float64Array;
  submit: Float64Array;
  wait: Float64Array;
  run: Float64Array;
  allocProcs: Float64Array;
  reqProcs: Float64Array;
  reqTime: Float64Array;
  status: Float64Array;
  user: Float64Array;
  group: Float64Array;
  queue: Float64Array;
  partition: Float64Array;
}

const SWF_FIELDS = 18;

/** Column (0-based) of each kept field in an SWF job line. */
const COLUMN = {
  jobId: 0,
  submit: 1,
  wait: 2,
  run: 3,
  allocProcs: 4,
  reqProcs: 7,
  reqTime: 8,
  status: 10,
  user: 11,
  group: 12,
  queue: 14,
  partition: 15,
} as const;
type Column = keyof typeof COLUMN;
const COLUMNS = Object.keys(COLUMN) as Column[];

/** Reads a trace from disk; `.gz` (or gzip magic bytes) is decompressed. */
export function readSwfFile(file: string): SwfTrace {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT"
        ? "no such file"
        : code === "EISDIR"
          ? "it is a directory"
          : code === "EACCES"
            ? "permission denied"
            : String(code ?? e);
    throw invalidInput(`${file}: cannot read trace: ${why}`, { file });
  }
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes);
    } catch {
      throw invalidInput(
        `${file}: not a valid gzip file (it starts like one but cannot be decompressed)`,
        { file },
      );
    }
  }
  return parseSwf(bytes, file);
}

const SEMICOLON = 0x3b;
const NEWLINE = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;
const MINUS = 0x2d;
const PLUS = 0x2b;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;

export function parseSwf(bytes: Uint8Array, file = "<input>"): SwfTrace {
  // Upper bound of job lines: the number of newlines + 1.
  let lines = 1;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === NEWLINE) lines++;
  const cols: Record<Column, Float64Array> = Object.fromEntries(
    COLUMNS.map((c) => [c, new Float64Array(lines)]),
  ) as Record<Column, Float64Array>;
  const lineOf = new Int32Array(lines);
  const keep = new Int8Array(SWF_FIELDS).fill(-1);
  COLUMNS.forEach((c, k) => (keep[COLUMN[c]] = k));
  const targets = COLUMNS.map((c) => cols[c]);

  let maxProcs: number | null = null;
  let maxNodes: number | null = null;
  let count = 0;
  let lineNo = 0;
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    lineNo++;
    let end = i;
    while (end < n && bytes[end] !== NEWLINE) end++;
    let stop = end;
    if (stop > i && bytes[stop - 1] === CR) stop--;
    // skip leading blanks
    let p = i;
    while (p < stop && (bytes[p] === SPACE || bytes[p] === TAB)) p++;
    if (p < stop) {
      if (bytes[p] === SEMICOLON) {
        const text = Buffer.from(bytes.subarray(p + 1, stop)).toString("latin1");
        const h = /^\s*(MaxProcs|MaxNodes)\s*:\s*(-?\d+)/i.exec(text);
        if (h) {
          const v = Number(h[2]);
          if (h[1].toLowerCase() === "maxprocs") maxProcs = v;
          else maxNodes = v;
        }
      } else {
        let field = 0;
        while (p < stop) {
          // parse one number starting at p
          const start = p;
          let neg = false;
          if (bytes[p] === MINUS || bytes[p] === PLUS) {
            neg = bytes[p] === MINUS;
            p++;
          }
          let v = 0;
          let digits = 0;
          while (p < stop && bytes[p] >= ZERO && bytes[p] <= NINE) {
            v = v * 10 + (bytes[p] - ZERO);
            p++;
            digits++;
          }
          if (p < stop && bytes[p] === DOT) {
            p++;
            let scale = 0.1;
            while (p < stop && bytes[p] >= ZERO && bytes[p] <= NINE) {
              v += (bytes[p] - ZERO) * scale;
              scale /= 10;
              p++;
              digits++;
            }
          }
          if (digits === 0 || (p < stop && bytes[p] !== SPACE && bytes[p] !== TAB)) {
            let tokEnd = p;
            while (tokEnd < stop && bytes[tokEnd] !== SPACE && bytes[tokEnd] !== TAB) tokEnd++;
            const tok = Buffer.from(bytes.subarray(start, tokEnd)).toString("latin1");
            throw invalidInput(
              `${file}:${lineNo}: field ${field + 1} is "${tok}", not a number (SWF job lines hold ${SWF_FIELDS} numbers; header lines start with ';')`,
              { file, line: lineNo, field: field + 1 },
            );
          }
          if (field < SWF_FIELDS) {
            const k = keep[field];
            if (k >= 0) targets[k][count] = neg ? -v : v;
          }
          field++;
          while (p < stop && (bytes[p] === SPACE || bytes[p] === TAB)) p++;
        }
        if (field !== SWF_FIELDS) {
          throw invalidInput(
            `${file}:${lineNo}: has ${field} fields, an SWF job line has ${SWF_FIELDS} (is this a Standard Workload Format trace?)`,
            { file, line: lineNo, fields: field },
          );
        }
        lineOf[count] = lineNo;
        count++;
      }
    }
    i = end + 1;
  }
  const cut = (a: Float64Array) => a.subarray(0, count);
  return {
    file,
    maxProcs,
    maxNodes,
    count,
    line: lineOf.subarray(0, count),
    jobId: cut(cols.jobId),
    submit: cut(cols.submit),
    wait: cut(cols.wait),
    run: cut(cols.run),
    allocProcs: cut(cols.allocProcs),
    reqProcs: cut(cols.reqProcs),
    reqTime: cut(cols.reqTime),
    status: cut(cols.status),
    user: cut(cols.user),
    group: cut(cols.group),
    queue: cut(cols.queue),
    partition: cut(cols.partition),
  };
}
