import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'core',
          include: ['test/core/**/*.test.ts', 'test/api/**/*.test.ts', 'test/cli/**/*.test.ts', 'test/attack/**/*.test.ts'],
          environment: 'node',
          // The CLI tests spawn the bundled `focal` built from the current source (test/support/cli-bundle.ts).
          globalSetup: ['test/support/cli-bundle.ts'],
          // CLI tests spawn `focal` a dozen times or more (about 2 s each on a 2-core machine), and
          // the property and cancellation tests run 50–100 rounds: generous limits, since speed is
          // measured by `npm run bench`, never by a test's timeout.
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // One browser at a time: CI has two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
