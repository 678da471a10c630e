import { z } from 'zod';

// The CSP forbids eval: without this zod probes `new Function` (a logged CSP violation) before
// falling back to the interpreter it then uses anyway.
z.config({ jitless: true });
