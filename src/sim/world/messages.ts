/**
 * Messages in flight between actors. A calendar entry holds numbers only, so
 * a message's event waits here, at an index the entry carries; indices are
 * reused once delivered, so this holds the messages in flight, not all sent.
 */
import type { ActorEvent } from '../../domain/types.js';

export class Messages {
  private readonly events: (ActorEvent | undefined)[] = [];
  private readonly free: number[] = [];

  /** Keeps `event` until it is taken; returns its index. */
  put(event: ActorEvent): number {
    const index = this.free.length > 0 ? this.free.pop()! : this.events.length;
    this.events[index] = event;
    return index;
  }

  /** The event at `index`, which is then free. */
  take(index: number): ActorEvent {
    const event = this.events[index]!;
    this.events[index] = undefined;
    this.free.push(index);
    return event;
  }
}
