// Writes a gzip and a brotli copy beside each of the portal's scripts and styles
// (dist/web/assets), which guang serve sends to browsers that take them: the pages' code
// travels compressed without compressing it again on every request.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, URL } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const dir = fileURLToPath(new URL("../dist/web/assets/", import.meta.url));
for (const name of readdirSync(dir)) {
  if (!/\.(js|css)$/.test(name)) continue;
  const bytes = readFileSync(join(dir, name));
  writeFileSync(join(dir, `${name}.gz`), gzipSync(bytes, { level: 9 }));
  writeFileSync(
    join(dir, `${name}.br`),
    brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
  );
}
