/*
 * In a browser bundle nothing is loaded on import: a top-level await here would make the bundler
 * split the app's shell into pieces for every page (the sign-in page would fetch ~8 kB more), and
 * the 1.1 MB WebAssembly would be fetched by pages that never check an expression. The designer's
 * route awaits `loadSqlParser()` before it shows; a check before that throws, saying so.
 */
export {};
