// Values the global setup hands to every test file (vitest `provide`/`inject`).
declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of a PostgreSQL server (any database) on which tests create their own databases. */
    postgresServerUrl: string;
  }
}

export {};
