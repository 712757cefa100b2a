/**
 * Every diagnostic the library reports, as one named factory per case, grouped by area. A factory
 * returns a {@link Diagnostic}; the caller decides whether to collect it or throw it. Messages and
 * fixes live here, so the error surface reads in one place (test/errors.catalogue.test.ts pins it).
 */
export * from './archive';
export * from './cluster';
export * from './document';
export * from './drift';
export * from './fleet';
export * from './kube';
export * from './layer';
export * from './names';
export * from './pack';
export * from './place';
export * from './policy';
export * from './presets';
export * from './profile';
export * from './readiness';
export * from './registry';
export * from './schema';
export * from './values';
