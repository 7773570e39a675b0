/**
 * Claim timers: the `after` delays a claim's machine arms on entering a state
 * and cancels on leaving it. A claim waits on at most one delay at a time (one
 * active state, one delay each). Cancellation is lazy: the calendar entry
 * stays, and carries a token that no longer matches the claim's when it comes out.
 */
import type { EventObject } from 'xstate';
import type { OpenClaim } from './ledger.js';

export type ScheduleTimer = (time: number, claim: number, token: number) => void;

export class ClaimTimers {
  private tokens = 0;

  constructor(private readonly schedule: ScheduleTimer) {}

  arm(claim: OpenClaim, id: string, delay: number, event: EventObject, now: number): void {
    claim.timerId = id;
    claim.timerEvent = event;
    claim.timerToken = ++this.tokens;
    this.schedule(now + delay, claim.facts.id, claim.timerToken);
  }

  cancel(claim: OpenClaim, id: string): void {
    if (id === claim.timerId) claim.timerToken = 0;
  }

  /** The event of a timer that came out of the calendar if it still applies (it is then spent), or null. */
  fire(claim: OpenClaim, token: number): EventObject | null {
    if (claim.timerToken !== token) return null;
    claim.timerToken = 0;
    return claim.timerEvent;
  }
}
