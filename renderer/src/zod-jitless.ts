import { config } from 'zod';

// The shared schemas also run in the renderer. zod probes for eval (`new Function`) when it builds
// an object schema; the CSP forbids eval, so the probe would be reported as a violation. The build
// puts this module into zod's own chunk (see electron.vite.config.ts), so it runs right after zod
// and before any module that builds a schema, whichever screen loads zod first.
config({ jitless: true });
