import { z } from 'zod';

/**
 * zod for the SPA. The strict CSP forbids `eval`; zod's JIT would probe for it with
 * `new Function` and the browser reports each probe as a policy violation, so it is off.
 * Form and page modules import `z` from here, never from 'zod' directly.
 */
z.config({ jitless: true });

export { z };
