/**
 * A first-in, first-out queue of claims waiting for the desk or for review:
 * an array with a moving head, compacted when the dead prefix dominates, so
 * both ends are O(1) amortised.
 */
export class Fifo<T> {
  private items: T[] = [];
  private head = 0;

  get length(): number {
    return this.items.length - this.head;
  }

  push(item: T): void {
    this.items.push(item);
  }

  shift(): T | undefined {
    if (this.head >= this.items.length) return undefined;
    const item = this.items[this.head]!;
    this.head++;
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }

  /** The first `n` items (fewer if the queue is shorter), oldest first, without removing them. */
  peek(n: number): T[] {
    return this.items.slice(this.head, this.head + n);
  }
}
