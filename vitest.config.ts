import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/helpers/global-setup.ts"],
    testTimeout: 60_000,
    // suites share the modules they import (none mocks or changes one): imported once, not per file
    isolate: false,
    hookTimeout: 60_000,
    // a state a page or a server reaches on a busy machine: waited for, not assumed in a second
    expect: { poll: { timeout: 15_000 } },
    // every server a test starts checks each JSON answer against its route's response schema
    env: { GUANG_CHECK_RESPONSES: "1" },
  },
});
