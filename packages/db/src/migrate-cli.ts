import { dbToolsEnv } from './env.ts';
import { runMigrations } from './migrate.ts';

// `pnpm db:migrate`: the API also applies migrations at start; this is for deploy pipelines.
await runMigrations(dbToolsEnv().DATABASE_URL);
console.log('migrations applied');
