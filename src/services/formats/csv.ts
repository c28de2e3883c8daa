/** One CSV field: quoted when it must be, and a leading = + - @ neutralized so that a spreadsheet does not run it as a formula. */
function field(v: unknown): string {
  if (v === null || v === undefined) return "";
  const s = typeof v === "string" ? v : typeof v === "number" ? String(v) : JSON.stringify(v);
  const safe = typeof v === "string" && /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A CSV document (RFC 4180 line ends): a header, then one line per row. */
export function toCsv(
  columns: readonly string[],
  rows: readonly Record<string, unknown>[],
): string {
  return (
    [columns.join(","), ...rows.map((r) => columns.map((c) => field(r[c])).join(","))].join(
      "\r\n",
    ) + "\r\n"
  );
}
