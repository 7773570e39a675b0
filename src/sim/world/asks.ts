/**
 * What a machine asked of the world during one step, kept in order until the
 * step is over: the world carries the asks out only once the machine's new
 * snapshot is in place, as XState's actor would after its macrostep.
 */
import type { EventObject } from 'xstate';
import type { ActionSink } from '../executor/index.js';

export type TimerAsk = { readonly type: 'timer.started'; readonly id: string; readonly delay: number; readonly event: EventObject } | { readonly type: 'timer.cancelled'; readonly id: string };

export class StepAsks<E> implements ActionSink<E> {
  readonly items: (E | TimerAsk)[] = [];
  emit(event: E): void {
    this.items.push(event);
  }
  startTimer(id: string, delay: number, event: EventObject): void {
    this.items.push({ type: 'timer.started', id, delay, event });
  }
  cancelTimer(id: string): void {
    this.items.push({ type: 'timer.cancelled', id });
  }
  clear(): void {
    this.items.length = 0;
  }
}
