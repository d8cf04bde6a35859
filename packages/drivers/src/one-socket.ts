import { connect, isIP, type Socket } from 'node:net';

/** A driver asked for a second connection in one attempt (a reconnect): refused. */
export class ReconnectRefused extends Error {
  override readonly name = 'ReconnectRefused';
  constructor() {
    super('one connection per attempt');
  }
}

/**
 * The one way a driver reaches a saved connection's server: a single TCP connection to the
 * address the host policy checked, opened here and handed over through the driver's socket hook
 * (postgres.js `socket`, mysql2 `stream`). So the driver never parses a host — postgres.js splits
 * `host` on ':' and read `::127.0.0.1` as 127.0.0.1, and `64:ff9b::7f00:1` as port NaN — and its
 * reconnects get nothing: one attempt, no background retries.
 */
export class OneSocket {
  private socket: Socket | undefined;

  constructor(
    private readonly address: string,
    private readonly port: number,
  ) {
    if (!isIP(address)) throw new TypeError('OneSocket takes a checked IP address');
    if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new RangeError('not a TCP port');
  }

  /** The connection, the first time; a reconnect throws. */
  open = (): Socket => {
    if (this.socket) throw new ReconnectRefused();
    this.socket = connect({ host: this.address, port: this.port });
    // The driver listens for errors too; this keeps one that comes after it let go from being uncaught.
    this.socket.on('error', () => {});
    return this.socket;
  };

  /** Closes the connection at once, whatever state it is in (also while still connecting). */
  destroy(): void {
    this.socket?.destroy();
  }
}
