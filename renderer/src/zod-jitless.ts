import { config } from 'zod';

// The shared schemas also run in the renderer. zod probes for eval (`new Function`) when it builds
// them; the CSP forbids eval, so the probe would be reported as a violation. Imported first by
// main.tsx, so it runs before any schema is built.
config({ jitless: true });
