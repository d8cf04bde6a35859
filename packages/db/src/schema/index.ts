export * from './audit.ts';
export * from './auth.ts';
export * from './catalog-sync.ts';
export * from './connections.ts';
export * from './database-failures.ts';
export * from './databases.ts';
export * from './deployment.ts';
export * from './designs.ts';
