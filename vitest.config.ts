import { defineConfig } from 'vitest/config';

// CLI tests spawn the real command and corpus tests read ../shared: give them room on a loaded 2-core machine.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
