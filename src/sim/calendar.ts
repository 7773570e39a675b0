/**
 * The simulator's event calendar: a binary min-heap of (time, sequence)
 * entries kept in flat typed arrays. An entry is a kind and two numbers, not
 * an object, so a run of millions of events leaves no garbage behind; what
 * does not fit in two numbers (a message) is kept by the owner, which puts
 * its index in the entry. Events at the same virtual time come out in the
 * order they were scheduled, so a run is deterministic without relying on the
 * heap's layout. Cancellation is lazy: the owner of an event checks, when it
 * comes out, whether it still applies (see `world/timers.ts`).
 *
 * XState's SimulatedClock keeps its timeouts in a Map and sorts them on every
 * advance, which is fine for tests and quadratic at scale; this is O(log n).
 */
export class Calendar {
  private times = new Float64Array(1024);
  private seqs = new Float64Array(1024);
  private kinds = new Uint8Array(1024);
  private as = new Float64Array(1024);
  private bs = new Float64Array(1024);
  private count = 0;
  private nextSeq = 0;

  /** The entry `pop()` last took out. */
  kind = 0;
  a = 0;
  b = 0;

  get size(): number {
    return this.count;
  }

  /** Time of the earliest event, or Infinity when empty. */
  peekTime(): number {
    return this.count > 0 ? this.times[0]! : Infinity;
  }

  schedule(time: number, kind: number, a: number, b = 0): void {
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
    this.put(i, time, seq, kind, a, b);
  }

  /** Removes the earliest event into `kind`, `a` and `b`; the caller reads `peekTime()` first. */
  pop(): void {
    if (this.count === 0) throw new RangeError('the calendar is empty');
    this.kind = this.kinds[0]!;
    this.a = this.as[0]!;
    this.b = this.bs[0]!;
    const last = --this.count;
    if (last === 0) return;
    const time = this.times[last]!;
    const seq = this.seqs[last]!;
    const kind = this.kinds[last]!;
    const a = this.as[last]!;
    const b = this.bs[last]!;
    // Sift the last entry down from the root.
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= last) break;
      const right = left + 1;
      const child = right < last && this.before(this.times[right]!, this.seqs[right]!, left) ? right : left;
      if (this.before(time, seq, child)) break;
      this.move(child, i);
      i = child;
    }
    this.put(i, time, seq, kind, a, b);
  }

  /** Whether (time, seq) comes before the entry at `i`. */
  private before(time: number, seq: number, i: number): boolean {
    const t = this.times[i]!;
    return time < t || (time === t && seq < this.seqs[i]!);
  }

  private put(i: number, time: number, seq: number, kind: number, a: number, b: number): void {
    this.times[i] = time;
    this.seqs[i] = seq;
    this.kinds[i] = kind;
    this.as[i] = a;
    this.bs[i] = b;
  }

  private move(from: number, to: number): void {
    this.put(to, this.times[from]!, this.seqs[from]!, this.kinds[from]!, this.as[from]!, this.bs[from]!);
  }

  private grow(): void {
    const size = this.times.length * 2;
    const larger = <A extends Float64Array | Uint8Array>(old: A, make: (n: number) => A): A => {
      const next = make(size);
      next.set(old);
      return next;
    };
    this.times = larger(this.times, (n) => new Float64Array(n));
    this.seqs = larger(this.seqs, (n) => new Float64Array(n));
    this.kinds = larger(this.kinds, (n) => new Uint8Array(n));
    this.as = larger(this.as, (n) => new Float64Array(n));
    this.bs = larger(this.bs, (n) => new Float64Array(n));
  }
}
