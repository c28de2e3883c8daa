import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/helpers/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // every server a test starts checks each JSON answer against its route's response schema
    env: { GUANG_CHECK_RESPONSES: "1" },
  },
});
