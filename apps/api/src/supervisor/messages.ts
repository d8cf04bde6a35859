/** IPC between the supervisor (`pnpm start`) and the processes it runs. */

/** API → supervisor, once it listens: the port (PORT=0 picks one; restarts keep it). */
export interface ReadyMessage {
  type: 'ready';
  port: number;
}

/** Supervisor → API before the worker stops: answer waiting claims at once, hand out no more jobs. */
export interface DrainMessage {
  type: 'drain';
}

function hasType(message: unknown, type: string): message is { type: string } {
  return typeof message === 'object' && message !== null && 'type' in message && message.type === type;
}

export function isReadyMessage(message: unknown): message is ReadyMessage {
  return hasType(message, 'ready') && 'port' in message && typeof message.port === 'number';
}

export function isDrainMessage(message: unknown): message is DrainMessage {
  return hasType(message, 'drain');
}

/** Embedded database process → supervisor, once its PostgreSQL runs. */
export interface DatabaseMessage {
  type: 'database';
  url: string;
}

/** Supervisor → embedded database process, after the API has stopped. */
export interface StopMessage {
  type: 'stop';
}

export function isDatabaseMessage(message: unknown): message is DatabaseMessage {
  return hasType(message, 'database') && 'url' in message && typeof message.url === 'string';
}

export function isStopMessage(message: unknown): message is StopMessage {
  return hasType(message, 'stop');
}
