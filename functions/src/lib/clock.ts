import { type Clock, systemClock } from '../domain/clock';

let current: Clock = systemClock;

/** The clock every entry point reads time from. */
export function clock(): Clock {
  return current;
}

/** Replaces the clock (tests, clock-driven scenarios). Returns the previous one. */
export function useClock(next: Clock): Clock {
  const previous = current;
  current = next;
  return previous;
}
