/**
 * Moved to ./testing/http-kit.ts (test helpers do not belong in the build). This re-export keeps
 * the other features' suites and the benchmarks compiling until their imports point there; the
 * integrator deletes it then.
 */
export * from './testing/http-kit.js';
