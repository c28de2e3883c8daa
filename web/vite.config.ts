import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The portal: built into dist/web, which `guang serve` serves at /. In development,
// `npx vite --config web/vite.config.ts` serves it with the API of a running center.
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL("../dist/web", import.meta.url)),
    emptyOutDir: true,
    // the first page's code stays small; each page and ECharts come when they are needed
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      // rolldown would fold code shared by some pages into a chunk every page loads (the
      // jobs page's selects into the dashboard's first load): each page loads what it uses
      experimental: { chunkOptimization: { mergeCommonChunks: false } },
    },
  },
  server: { proxy: { "/api": process.env.GUANG_SERVER ?? "http://127.0.0.1:8080" } },
});
