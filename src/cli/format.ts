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
