import { loadSqlParser } from './parser.ts';

/*
 * In Node (and anywhere but a browser bundle), importing the package loads PostgreSQL's parser:
 * the top-level await makes every importer of `check.ts` wait for it, so no server path can
 * reach a check before the parser is there. Chosen by the `#sql-parser-ready` import of
 * package.json.
 */
await loadSqlParser();
