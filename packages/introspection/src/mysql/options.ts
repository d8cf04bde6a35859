import type { ConnectionOptions } from 'mysql2/promise';

/**
 * Connection options for reading a MySQL/MariaDB server that may not be ours. `-LOCAL_FILES`
 * stops the client from offering LOCAL INFILE, so a hostile server cannot ask it to send a local
 * file (mysql2 would refuse without a stream factory anyway; this makes the handshake say so).
 * One statement per query; numbers and dates as the server's text, never rounded or shifted.
 */
export const SAFE_MYSQL_OPTIONS = {
  flags: ['-LOCAL_FILES'],
  multipleStatements: false,
  supportBigNumbers: true,
  bigNumberStrings: true,
  dateStrings: true,
} as const satisfies ConnectionOptions;
