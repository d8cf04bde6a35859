import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { LockoutNotice } from './LockoutNotice.tsx';
import { waitText } from './lockout.ts';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

test('the wait counts down each second and ends by saying so', () => {
  const onOver = vi.fn();
  render(
    <LockoutNotice
      message="Too many failed sign-ins. Try again later."
      until={Date.now() + 3000}
      onOver={onOver}
    />,
  );
  expect(screen.getByRole('alert')).toHaveTextContent(
    /^Too many failed sign-ins\. Try again in 3 seconds\.$/,
  );
  act(() => vi.advanceTimersByTime(1000));
  expect(screen.getByRole('alert')).toHaveTextContent('Try again in 2 seconds.');
  act(() => vi.advanceTimersByTime(1000));
  expect(screen.getByRole('alert')).toHaveTextContent('Try again in 1 second.');
  expect(onOver).not.toHaveBeenCalled();
  act(() => vi.advanceTimersByTime(1000));
  expect(screen.queryByRole('alert')).toBeNull();
  expect(onOver).toHaveBeenCalledOnce();
});

test('long waits are told in minutes', () => {
  expect(waitText(42)).toBe('Try again in 42 seconds.');
  expect(waitText(119)).toBe('Try again in 119 seconds.');
  expect(waitText(900)).toBe('Try again in 15 minutes.');
});
