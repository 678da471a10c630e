/** The one place the core reads the time, so tests and the demo can pin it. */
export const nowIso = (): string => new Date().toISOString();
