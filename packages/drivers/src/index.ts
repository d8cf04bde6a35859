export { type DriverHandle, withDriver } from './connect.ts';
export { DRIVER_FAILURES, DriverError, type DriverFailure, driverFailureOf } from './failures.ts';
export { type PingResult, ping } from './ping.ts';
export type { DriverTarget, DriverType, PostgresSslMode } from './target.ts';
