/**
 * The simulator's event calendar: a binary min-heap of (time, sequence)
 * entries kept in flat typed arrays. Events at the same virtual time come out
 * in the order they were scheduled, so a run is deterministic without relying
 * on the heap's internal layout. Cancellation is lazy: the owner of an event
 * checks, when it comes out, whether it still applies (see `world.ts`).
 *
 * XState's SimulatedClock keeps its timeouts in a Map and sorts them on every
 * advance, which is fine for tests and quadratic at scale; this is O(log n).
 */
export class Calendar<T> {
  private times = new Float64Array(1024);
  private seqs = new Float64Array(1024);
  private payloads: (T | undefined)[] = new Array(1024);
  private count = 0;
  private nextSeq = 0;

  get size(): number {
    return this.count;
  }

  /** Time of the earliest event, or Infinity when empty. */
  peekTime(): number {
    return this.count > 0 ? this.times[0]! : Infinity;
  }

  schedule(time: number, payload: T): void {
    if (!(time >= 0)) throw new RangeError(`cannot schedule an event at time ${time}`);
    if (this.count === this.times.length) this.grow();
    let i = this.count++;
    const seq = this.nextSeq++;
    // Sift up: move parents down until the new entry's place is found.
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(time, seq, parent)) break;
      this.move(parent, i);
      i = parent;
    }
    this.times[i] = time;
    this.seqs[i] = seq;
    this.payloads[i] = payload;
  }

  /** Removes and returns the earliest event's payload; the caller reads `peekTime()` first. */
  pop(): T {
    if (this.count === 0) throw new RangeError('the calendar is empty');
    const top = this.payloads[0]!;
    const last = --this.count;
    const time = this.times[last]!;
    const seq = this.seqs[last]!;
    const payload = this.payloads[last];
    this.payloads[last] = undefined;
    // Sift the last entry down from the root.
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= last) break;
      const right = left + 1;
      const child = right < last && this.lessThan(right, left) ? right : left;
      if (this.before(time, seq, child)) break;
      this.move(child, i);
      i = child;
    }
    if (last > 0) {
      this.times[i] = time;
      this.seqs[i] = seq;
      this.payloads[i] = payload;
    }
    return top;
  }

  /** Whether (time, seq) comes before the entry at `i`. */
  private before(time: number, seq: number, i: number): boolean {
    const t = this.times[i]!;
    return time < t || (time === t && seq < this.seqs[i]!);
  }

  private lessThan(i: number, j: number): boolean {
    return this.before(this.times[i]!, this.seqs[i]!, j);
  }

  private move(from: number, to: number): void {
    this.times[to] = this.times[from]!;
    this.seqs[to] = this.seqs[from]!;
    this.payloads[to] = this.payloads[from];
  }

  private grow(): void {
    const size = this.times.length * 2;
    const times = new Float64Array(size);
    times.set(this.times);
    const seqs = new Float64Array(size);
    seqs.set(this.seqs);
    this.times = times;
    this.seqs = seqs;
    this.payloads.length = size;
  }
}
