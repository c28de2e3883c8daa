import { formatBytes } from "../core/byte-size.js";
import { Transform } from "node:stream";

/**
 * A pass-through that counts what flows and, on a terminal, redraws one line on stderr a few
 * times a second: percent, done of total, speed. Scripts (stderr not a terminal) see nothing.
 */
export function progress(label: string, total: number, already = 0): Transform {
  const shown = process.stderr.isTTY === true;
  const started = Date.now();
  let done = already;
  let last = 0;
  const draw = (end: boolean) => {
    const secs = Math.max((Date.now() - started) / 1000, 0.001);
    const pct = total ? Math.floor((done / total) * 100) : 100;
    const speed = formatBytes((done - already) / secs);
    process.stderr.write(
      `\r${label}  ${String(pct).padStart(3)}%  ${formatBytes(done)} of ${formatBytes(total)}  ${speed}/s${end ? "\n" : ""}`,
    );
  };
  return new Transform({
    transform(chunk: Buffer, _enc, next) {
      done += chunk.length;
      if (shown && Date.now() - last > 250) {
        last = Date.now();
        draw(false);
      }
      next(null, chunk);
    },
    flush(next) {
      if (shown) draw(true);
      next();
    },
  });
}
