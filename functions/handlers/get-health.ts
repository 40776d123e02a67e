import { httpRoute, respond } from '../runtime/http';
import { checkHealth } from '../use-cases/platform/check-health';
import { dependencyProbes } from '../adapters/probes/dependency-probes';
import { systemClock } from '../adapters/system/system-clock';

export const handler = httpRoute('getHealth', {
  run: async () => {
    const health = await checkHealth({ probes: dependencyProbes(), clock: systemClock })();
    return respond({ status: health.status === 'ok' ? 200 : 503, body: health });
  },
});
