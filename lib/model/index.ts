/** The plain model: profiles, layers, packs, clusters and plans as readonly data. */
export * from './layer';
export * from './profile';
export * from './plan';
