import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => cleanup());

// As the designer's route does before it shows (a browser bundle loads the parser on demand).
const { loadSqlParser } = await import('@schema-builder/schema-model/sql-expression');
await loadSqlParser();
