import { escapeHtml as esc } from "./svg-chart.js";

/** A simulation report's page: its title (escaped here), the style every report shares, and its body (HTML). */
export function reportPage(title: string, body: string, maxWidth = 820): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font-family:system-ui,"Noto Sans CJK SC","PingFang SC",sans-serif;margin:2rem auto;max-width:${maxWidth}px;color:#111;padding:0 1rem}
h1{font-size:1.4rem}table{border-collapse:collapse;width:100%;font-size:.9rem}
td,th{border-bottom:1px solid #e5e7eb;padding:.35rem .5rem;text-align:right}td:first-child,th:first-child{text-align:left}
figure{margin:1.5rem 0}figcaption{font-weight:600;margin-bottom:.3rem}small{color:#666}.meta{color:#444;font-size:.9rem}
</style></head><body>
${body}
</body></html>
`;
}
