// Copies the files the compiled program reads at run time but tsc does not emit (the job
// launcher's Perl, the web shell's `guang`) from src/ to the same place under dist/src/,
// keeping their modes.
import { cpSync, readdirSync } from "node:fs";
import { join } from "node:path";

const ASSET = /\.pl$|^guang$/;

function walk(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (ASSET.test(e.name)) cpSync(p, join("dist", p));
  }
}
walk("src");
