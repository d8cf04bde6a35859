import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, test } from 'vitest';
import { logDestination, processLoggerOptions, resolveLogFormat } from './log-options.ts';

function linesOf(service: string): Record<string, unknown> {
  const written: string[] = [];
  const log = pino(processLoggerOptions({ service, level: 'info' }), {
    write: (line: string) => void written.push(line),
  });
  log.info({ jobId: 'j1' }, 'something happened');
  return JSON.parse(written.join(''));
}

describe('one shape for every process', () => {
  test('the API and the worker write the same fields, told apart by `service`', () => {
    const api = linesOf('api');
    const worker = linesOf('worker');
    expect(Object.keys(api).sort()).toEqual(Object.keys(worker).sort());
    expect(Object.keys(api).sort()).toEqual(['hostname', 'jobId', 'level', 'msg', 'pid', 'service', 'time']);
    expect([api.service, worker.service]).toEqual(['api', 'worker']);
  });
});

describe('the log format', () => {
  test('is pretty on a terminal and JSON otherwise, unless LOG_FORMAT says', () => {
    expect(resolveLogFormat(undefined, { isTTY: true })).toBe('pretty');
    expect(resolveLogFormat(undefined, { isTTY: false })).toBe('json');
    expect(resolveLogFormat(undefined, {})).toBe('json');
    expect(resolveLogFormat('json', { isTTY: true })).toBe('json');
    expect(resolveLogFormat('pretty', { isTTY: false })).toBe('pretty');
  });

  test('json writes through pino itself; pretty through pino-pretty, as readable lines', async () => {
    expect(logDestination('json')).toBeUndefined();
    expect(logDestination('pretty')).toBeInstanceOf(Writable);
    let text = '';
    const buffer = new Writable({
      write(chunk, _encoding, done) {
        text += String(chunk);
        done();
      },
    });
    const stream = logDestination('pretty', buffer);
    pino(processLoggerOptions({ service: 'worker', level: 'info' }), stream ?? buffer).info(
      { jobId: 'j1' },
      'job done',
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(text).toMatch(/INFO.*job done/);
    expect(text).toContain('"service":"worker"');
    expect(() => JSON.parse(text)).toThrow();
  });
});
