/**
 * The simulator's event calendar: a four-ary min-heap of (time, sequence)
 * keys in flat typed arrays. An entry is a kind and two numbers, not an
 * object, so a run of millions of events leaves no garbage behind; what does
 * not fit in two numbers (a message) is kept by the owner, which puts its
 * index in the entry. Entries stay where they were written (in slots reused
 * once popped) and the heap moves only their keys and slot numbers. Events at
 * the same virtual time come out in the order they were scheduled, so a run
 * is deterministic whatever the heap's layout. Cancellation is lazy: the
 * owner of an event checks, when it comes out, whether it still applies (see
 * `world/timers.ts`).
 *
 * Many events are scheduled for the instant being simulated (a message with
 * no delay); those wait in a first-in, first-out ring beside the heap, with
 * their sequence numbers, and `pop` takes whichever of the heap's first and
 * the ring's first comes earlier, so the order is exactly the heap's alone.
 *
 * XState's SimulatedClock keeps its timeouts in a Map and sorts them on every
 * advance, which is fine for tests and quadratic at scale; this is O(log n),
 * and four children per node halve the depth a pop sifts through.
 */
const ARITY = 4;

export class Calendar {
  // The heap: position i holds the key (time, seq) of the entry in slot `slots[i]`.
  private times = new Float64Array(1024);
  private seqs = new Float64Array(1024);
  private slots = new Int32Array(1024);
  // The entries, by slot; `free` holds the slots not in use.
  private kinds = new Uint8Array(1024);
  private as = new Float64Array(1024);
  private bs = new Float64Array(1024);
  private free = new Int32Array(1024);
  private freeCount = 0;
  private count = 0;
  private nextSeq = 0;
  // The ring of entries at `instant`, the time last popped: seq, kind, a, b of each.
  private instant = -1;
  private ringSeqs = new Float64Array(256);
  private ringKinds = new Uint8Array(256);
  private ringAs = new Float64Array(256);
  private ringBs = new Float64Array(256);
  private ringHead = 0;
  private ringCount = 0;

  /** The entry `pop()` last took out. */
  kind = 0;
  a = 0;
  b = 0;

  get size(): number {
    return this.count + this.ringCount;
  }

  /** Time of the earliest event, or Infinity when empty. */
  peekTime(): number {
    if (this.ringCount > 0) return this.count > 0 && this.times[0]! < this.instant ? this.times[0]! : this.instant;
    return this.count > 0 ? this.times[0]! : Infinity;
  }

  schedule(time: number, kind: number, a: number, b = 0): void {
    if (!(time >= 0)) throw new RangeError(`cannot schedule an event at time ${time}`);
    if (time === this.instant) {
      this.toRing(this.nextSeq++, kind, a, b);
      return;
    }
    if (this.count === this.times.length) this.grow();
    const slot = this.freeCount > 0 ? this.free[--this.freeCount]! : this.count;
    this.kinds[slot] = kind;
    this.as[slot] = a;
    this.bs[slot] = b;
    const seq = this.nextSeq++;
    const { times, seqs, slots } = this;
    // Sift up: move parents down until the new key's place is found.
    let i = this.count++;
    while (i > 0) {
      const parent = ((i - 1) / ARITY) | 0;
      const t = times[parent]!;
      if (time > t || (time === t && seq > seqs[parent]!)) break;
      times[i] = t;
      seqs[i] = seqs[parent]!;
      slots[i] = slots[parent]!;
      i = parent;
    }
    times[i] = time;
    seqs[i] = seq;
    slots[i] = slot;
  }

  /** Removes the earliest event into `kind`, `a` and `b`; the caller reads `peekTime()` first. */
  pop(): void {
    if (this.ringCount > 0) {
      const head = this.ringHead;
      const t = this.count > 0 ? this.times[0]! : Infinity;
      if (!(t < this.instant || (t === this.instant && this.seqs[0]! < this.ringSeqs[head]!))) {
        this.kind = this.ringKinds[head]!;
        this.a = this.ringAs[head]!;
        this.b = this.ringBs[head]!;
        this.ringHead = (head + 1) & (this.ringSeqs.length - 1);
        this.ringCount--;
        return;
      }
    }
    if (this.count === 0) throw new RangeError('the calendar is empty');
    this.popHeap();
  }

  private popHeap(): void {
    const { times, seqs, slots } = this;
    // Events scheduled for this instant from now on join the ring (it is empty, or holds only this instant's).
    if (this.ringCount === 0) this.instant = times[0]!;
    const top = slots[0]!;
    this.kind = this.kinds[top]!;
    this.a = this.as[top]!;
    this.b = this.bs[top]!;
    this.free[this.freeCount++] = top;
    const last = --this.count;
    if (last === 0) return;
    const time = times[last]!;
    const seq = seqs[last]!;
    const slot = slots[last]!;
    // Sift the last key down from the root, past every child that comes before it.
    let i = 0;
    for (;;) {
      const first = ARITY * i + 1;
      if (first >= last) break;
      let child = first;
      let childTime = times[first]!;
      let childSeq = seqs[first]!;
      const end = Math.min(first + ARITY, last);
      for (let c = first + 1; c < end; c++) {
        const t = times[c]!;
        if (t < childTime || (t === childTime && seqs[c]! < childSeq)) {
          child = c;
          childTime = t;
          childSeq = seqs[c]!;
        }
      }
      if (time < childTime || (time === childTime && seq < childSeq)) break;
      times[i] = childTime;
      seqs[i] = childSeq;
      slots[i] = slots[child]!;
      i = child;
    }
    times[i] = time;
    seqs[i] = seq;
    slots[i] = slot;
  }

  private toRing(seq: number, kind: number, a: number, b: number): void {
    if (this.ringCount === this.ringSeqs.length) this.growRing();
    const at = (this.ringHead + this.ringCount) & (this.ringSeqs.length - 1);
    this.ringSeqs[at] = seq;
    this.ringKinds[at] = kind;
    this.ringAs[at] = a;
    this.ringBs[at] = b;
    this.ringCount++;
  }

  /** Doubles the ring (a power of two; it is full), unwrapping it so the head is at 0. */
  private growRing(): void {
    const head = this.ringHead;
    this.ringSeqs = doubled(this.ringSeqs, head);
    this.ringKinds = doubled(this.ringKinds, head);
    this.ringAs = doubled(this.ringAs, head);
    this.ringBs = doubled(this.ringBs, head);
    this.ringHead = 0;
  }

  private grow(): void {
    this.times = doubled(this.times);
    this.seqs = doubled(this.seqs);
    this.slots = doubled(this.slots);
    this.kinds = doubled(this.kinds);
    this.as = doubled(this.as);
    this.bs = doubled(this.bs);
    this.free = doubled(this.free);
  }
}

type Flat = Float64Array | Int32Array | Uint8Array;

/** A full array at twice the length, its items from `from` onwards first (a ring's head), then those before it. */
function doubled<A extends Flat>(old: A, from = 0): A {
  const next = new (old.constructor as new (length: number) => A)(old.length * 2);
  next.set(old.subarray(from));
  next.set(old.subarray(0, from), old.length - from);
  return next;
}
