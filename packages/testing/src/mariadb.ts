import mysql from 'mysql2/promise';

/**
 * Why the MariaDB/MySQL test server cannot be used (undefined when it answers). Suites that need
 * it skip with this reason printed, so a machine without MariaDB can still run every other test.
 */
export async function mariadbUnavailable(url: string): Promise<string | undefined> {
  try {
    const connection = await mysql.createConnection({
      uri: url,
      connectTimeout: 3000,
      flags: ['-LOCAL_FILES'],
    });
    await connection.end();
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
