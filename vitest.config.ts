import { defineConfig } from 'vitest/config';

/**
 * One `npm test` runs every project. unit and infra need nothing running; integration, e2e
 * and security share the local stack that tests/support/global-setup.ts starts once, on
 * free ports, with the demo data.
 */
const stackSetup = ['tests/support/global-setup.ts'];

export default defineConfig({
  test: {
    // Local runs use Node 20 with the pinned SDK; the deployed Lambdas run Node 22.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          // Projects run one after the other: the 2-core machine is not shared between them.
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'infra',
          include: ['tests/infra/**/*.test.ts'],
          environment: 'node',
          // Synthesizing a stage bundles every Lambda with esbuild.
          testTimeout: 300_000,
          hookTimeout: 600_000,
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'integration',
          include: [
            'tests/integration/**/*.test.ts',
            'tests/security/**/*.test.ts',
            'tests/e2e/**/*.test.ts',
          ],
          environment: 'node',
          globalSetup: stackSetup,
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // The stack lives in the main process; two workers keep the 2-core machine responsive.
          maxWorkers: 2,
          fileParallelism: true,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
