/** Left-aligned columns in the manner of squeue/sacct: a header row (unless -h), then one row per item. */
export function table(header: string[], rows: string[][], withHeader = true): string {
  const width = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) =>
        i === cells.length - 1 ? c : c.padStart(i === 0 ? 0 : width[i]).padEnd(width[i]),
      )
      .join("  ")
      .trimEnd();
  return [
    ...(withHeader ? [line(header.map((h, i) => (i === 0 ? h.padEnd(width[0]) : h)))] : []),
    ...rows.map((r) => line(r.map((c, i) => (i === 0 ? c.padEnd(width[0]) : c)))),
  ].join("\n");
}

/** Prints the server's answer as JSON (--json) or as text for people; exit 0. */
export function printResult(
  asJson: boolean | undefined,
  data: unknown,
  text: () => string,
): number {
  process.stdout.write(asJson ? `${JSON.stringify(data)}\n` : `${text()}\n`);
  return 0;
}

/**
 * Every time the CLI prints for people, as Slurm prints times: local time without a zone,
 * to the second, or "Unknown" (--json keeps the server's ISO 8601 in UTC).
 */
export function timeText(iso: string | null): string {
  if (!iso) return "Unknown";
  const d = new Date(iso);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}T${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}
