import { createRequire } from "node:module";

/** Whether node-pty (an optional dependency, built at install) loads here: the web shell needs it. */
export const PTY = (() => {
  try {
    createRequire(import.meta.url)("node-pty");
    return true;
  } catch {
    return false;
  }
})();
