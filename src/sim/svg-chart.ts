/**
 * Small, dependency-free SVG charts for reports that must open anywhere (a meeting room
 * laptop without network): line charts over time and bar charts.
 */
export interface Series {
  name: string;
  color: string;
  values: ArrayLike<number>;
}

const W = 760;
const H = 260;
const PAD = { left: 60, right: 16, top: 16, bottom: 44 };

function esc(s: string): string {
  return s.replace(
    /[&<>"]/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!,
  );
}

function niceMax(v: number): number {
  if (!(v > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

function fmtTick(v: number): string {
  if (v >= 1e6) return `${+(v / 1e6).toFixed(1)}M`;
  if (v >= 1e3) return `${+(v / 1e3).toFixed(1)}k`;
  return `${+v.toFixed(2)}`;
}

/** A line chart of series sampled at equal steps; `xLabel(i)` labels sample i. */
export function lineChart(
  title: string,
  series: Series[],
  xLabel: (i: number) => string,
  yMax?: number,
  yFormat = fmtTick,
): string {
  const n = Math.max(0, ...series.map((s) => s.values.length));
  const top = yMax ?? niceMax(Math.max(0, ...series.flatMap((s) => Array.from(s.values))));
  const iw = W - PAD.left - PAD.right;
  const ih = H - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (n <= 1 ? 0 : (i / (n - 1)) * iw);
  const y = (v: number) => PAD.top + ih - (Math.min(v, top) / top) * ih;
  const parts: string[] = [];
  for (let k = 0; k <= 4; k++) {
    const v = (top * k) / 4;
    parts.push(
      `<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${y(v)}" y2="${y(v)}" stroke="#e5e7eb"/>`,
    );
    parts.push(
      `<text x="${PAD.left - 6}" y="${y(v) + 4}" text-anchor="end" font-size="11" fill="#555">${esc(yFormat(v))}</text>`,
    );
  }
  for (let k = 0; k <= 5 && n > 1; k++) {
    const i = Math.round(((n - 1) * k) / 5);
    parts.push(
      `<text x="${x(i)}" y="${H - PAD.bottom + 16}" text-anchor="middle" font-size="11" fill="#555">${esc(xLabel(i))}</text>`,
    );
  }
  for (const s of series) {
    const pts: string[] = [];
    for (let i = 0; i < s.values.length; i++)
      pts.push(`${x(i).toFixed(1)},${y(s.values[i]).toFixed(1)}`);
    parts.push(
      `<polyline fill="none" stroke="${s.color}" stroke-width="1.5" points="${pts.join(" ")}"/>`,
    );
  }
  const legend = series
    .map(
      (s, k) =>
        `<rect x="${PAD.left + k * 140}" y="${H - 14}" width="10" height="10" fill="${s.color}"/><text x="${PAD.left + 14 + k * 140}" y="${H - 5}" font-size="11">${esc(s.name)}</text>`,
    )
    .join("");
  return frame(title, parts.join("") + legend);
}

/** A grouped bar chart: one group per category, one bar per series. */
export function barChart(
  title: string,
  categories: string[],
  series: Series[],
  yFormat = fmtTick,
): string {
  const top = niceMax(Math.max(0, ...series.flatMap((s) => Array.from(s.values))));
  const iw = W - PAD.left - PAD.right;
  const ih = H - PAD.top - PAD.bottom;
  const gw = iw / Math.max(1, categories.length);
  const bw = (gw * 0.8) / Math.max(1, series.length);
  const y = (v: number) => PAD.top + ih - (v / top) * ih;
  const parts: string[] = [];
  for (let k = 0; k <= 4; k++) {
    const v = (top * k) / 4;
    parts.push(
      `<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${y(v)}" y2="${y(v)}" stroke="#e5e7eb"/>`,
    );
    parts.push(
      `<text x="${PAD.left - 6}" y="${y(v) + 4}" text-anchor="end" font-size="11" fill="#555">${esc(yFormat(v))}</text>`,
    );
  }
  categories.forEach((c, i) => {
    const gx = PAD.left + i * gw + gw * 0.1;
    series.forEach((s, k) => {
      const v = s.values[i] ?? 0;
      parts.push(
        `<rect x="${(gx + k * bw).toFixed(1)}" y="${y(v).toFixed(1)}" width="${(bw - 1).toFixed(1)}" height="${(PAD.top + ih - y(v)).toFixed(1)}" fill="${s.color}"><title>${esc(`${s.name} ${c}: ${fmtTick(v)}`)}</title></rect>`,
      );
    });
    parts.push(
      `<text x="${PAD.left + i * gw + gw / 2}" y="${H - PAD.bottom + 16}" text-anchor="middle" font-size="11" fill="#555">${esc(c)}</text>`,
    );
  });
  const legend = series
    .map(
      (s, k) =>
        `<rect x="${PAD.left + k * 140}" y="${H - 14}" width="10" height="10" fill="${s.color}"/><text x="${PAD.left + 14 + k * 140}" y="${H - 5}" font-size="11">${esc(s.name)}</text>`,
    )
    .join("");
  return frame(title, parts.join("") + legend);
}

function frame(title: string, body: string): string {
  return `<figure><figcaption>${esc(title)}</figcaption><svg viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-label="${esc(title)}" xmlns="http://www.w3.org/2000/svg">${body}</svg></figure>`;
}

export { esc as escapeHtml };
