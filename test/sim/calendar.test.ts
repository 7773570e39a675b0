import { describe, expect, it } from 'vitest';
import { Calendar } from '../../src/sim/calendar.js';

/** A fixed-seed LCG (Numerical Recipes constants): uniform in [0, 1). */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** The reference model: a plain array kept sorted by (time, insertion order). */
class SortedModel<T> {
  private items: { time: number; seq: number; payload: T }[] = [];
  private seq = 0;
  get size(): number {
    return this.items.length;
  }
  peekTime(): number {
    return this.items.length > 0 ? this.items[0]!.time : Infinity;
  }
  schedule(time: number, payload: T): void {
    const entry = { time, seq: this.seq++, payload };
    // Insert after every entry with time <= this one: equal times keep insertion order.
    let i = this.items.length;
    while (i > 0 && this.items[i - 1]!.time > time) i--;
    this.items.splice(i, 0, entry);
  }
  pop(): T {
    const first = this.items.shift();
    if (!first) throw new Error('empty');
    return first.payload;
  }
}

function drain<T>(c: Boxed<T>): T[] {
  const out: T[] = [];
  while (c.size > 0) out.push(c.pop());
  return out;
}

/**
 * The calendar holds a kind and two numbers per entry; these tests keep any payload in an
 * array beside it and put the index in the entry (as the world keeps messages), checking
 * on every pop that the entry's three numbers came back together.
 */
class Boxed<T> {
  readonly calendar = new Calendar();
  private readonly payloads: T[] = [];
  get size(): number {
    return this.calendar.size;
  }
  peekTime(): number {
    return this.calendar.peekTime();
  }
  schedule(time: number, payload: T): void {
    const index = this.payloads.push(payload) - 1;
    this.calendar.schedule(time, index % 251, index, index * 0.5 + 0.25);
  }
  pop(): T {
    this.calendar.pop();
    const { kind, a, b } = this.calendar;
    if (kind !== a % 251 || b !== a * 0.5 + 0.25) throw new Error(`entry ${a} came back as (${kind}, ${a}, ${b})`);
    return this.payloads[a]!;
  }
}

describe('Calendar', () => {
  it("gives back each entry's kind and numbers exactly", () => {
    const c = new Calendar();
    c.schedule(2, 9, 123456789012, -0.1);
    c.schedule(1, 255, 1.5, 2 ** 40);
    c.pop();
    expect([c.kind, c.a, c.b]).toEqual([255, 1.5, 2 ** 40]);
    c.pop();
    expect([c.kind, c.a, c.b]).toEqual([9, 123456789012, -0.1]);
  });

  it('starts empty: size 0, peekTime Infinity, pop throws', () => {
    const c = new Boxed<string>();
    expect(c.size).toBe(0);
    expect(c.peekTime()).toBe(Infinity);
    expect(() => c.pop()).toThrow(RangeError);
  });

  it('pops in time order', () => {
    const c = new Boxed<string>();
    const events: [number, string][] = [
      [5, 'e'],
      [1, 'a'],
      [3.5, 'c'],
      [0, 'start'],
      [2, 'b'],
      [10, 'f'],
      [4, 'd'],
    ];
    for (const [t, p] of events) c.schedule(t, p);
    expect(c.size).toBe(7);
    expect(c.peekTime()).toBe(0);
    expect(drain(c)).toEqual(['start', 'a', 'b', 'c', 'd', 'e', 'f']);
    expect(c.size).toBe(0);
    expect(c.peekTime()).toBe(Infinity);
  });

  it('peekTime is the time of the next pop', () => {
    const c = new Boxed<number>();
    for (const t of [7, 3, 9, 1, 5]) c.schedule(t, t);
    for (const t of [1, 3, 5, 7, 9]) {
      expect(c.peekTime()).toBe(t);
      expect(c.pop()).toBe(t);
    }
  });

  it('pops events at equal times in the order they were scheduled (FIFO)', () => {
    const c = new Boxed<string>();
    const names = Array.from({ length: 50 }, (_, i) => `e${i}`);
    for (const n of names) c.schedule(3, n);
    expect(drain(c)).toEqual(names);
  });

  it('keeps FIFO order among ties mixed with other times', () => {
    const c = new Boxed<string>();
    c.schedule(2, 'b1');
    c.schedule(1, 'a1');
    c.schedule(2, 'b2');
    c.schedule(1, 'a2');
    c.schedule(0, 'z');
    c.schedule(2, 'b3');
    c.schedule(1, 'a3');
    expect(drain(c)).toEqual(['z', 'a1', 'a2', 'a3', 'b1', 'b2', 'b3']);
  });

  it('keeps FIFO order for an event scheduled at the current time after others were popped', () => {
    const c = new Boxed<string>();
    c.schedule(1, 'first');
    c.schedule(1, 'second');
    expect(c.pop()).toBe('first');
    c.schedule(1, 'third'); // scheduled "now", after second
    c.schedule(0.5, 'earlier');
    expect(drain(c)).toEqual(['earlier', 'second', 'third']);
  });

  it('matches a sorted-array model over 10,000 random schedule/pop operations', () => {
    const rand = lcg(20211901);
    const c = new Boxed<number>();
    const model = new SortedModel<number>();
    let now = 0;
    let pops = 0;
    for (let op = 0; op < 10_000; op++) {
      if (model.size > 0 && rand() < 0.45) {
        expect(c.peekTime()).toBe(model.peekTime());
        now = model.peekTime();
        expect(c.pop()).toBe(model.pop());
        pops++;
      } else {
        // Mix integer times (many ties) with fractional ones, never before "now".
        const r = rand();
        const time = r < 0.5 ? now + Math.floor(rand() * 5) : now + rand() * 20;
        c.schedule(time, op);
        model.schedule(time, op);
      }
      expect(c.size).toBe(model.size);
    }
    expect(pops).toBeGreaterThan(3000);
    while (model.size > 0) {
      expect(c.peekTime()).toBe(model.peekTime());
      expect(c.pop()).toBe(model.pop());
    }
    expect(c.size).toBe(0);
  });

  it('matches the model when times go backwards too (any time >= 0 may be scheduled)', () => {
    const rand = lcg(7);
    const c = new Boxed<number>();
    const model = new SortedModel<number>();
    for (let op = 0; op < 5000; op++) {
      if (model.size > 0 && rand() < 0.3) {
        expect(c.pop()).toBe(model.pop());
      } else {
        const time = Math.floor(rand() * 50);
        c.schedule(time, op);
        model.schedule(time, op);
      }
    }
    while (model.size > 0) expect(c.pop()).toBe(model.pop());
  });

  it('grows beyond 1024 entries and keeps order', () => {
    const c = new Boxed<number>();
    const n = 5000;
    for (let i = n - 1; i >= 0; i--) c.schedule(i, i);
    expect(c.size).toBe(n);
    expect(c.peekTime()).toBe(0);
    const out = drain(c);
    expect(out).toEqual(Array.from({ length: n }, (_, i) => i));
  });

  it('keeps FIFO order for ties across growth', () => {
    const c = new Boxed<number>();
    for (let i = 0; i < 3000; i++) c.schedule(i % 3, i);
    const out = drain(c);
    const expected = [0, 1, 2].flatMap((r) => Array.from({ length: 1000 }, (_, k) => 3 * k + r));
    expect(out).toEqual(expected);
  });

  it('can be refilled after being emptied, and grows again', () => {
    const c = new Boxed<number>();
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 2000; i++) c.schedule((i * 7919) % 2000, i);
      const out = drain(c);
      expect(out).toHaveLength(2000);
      // (i * 7919) mod 2000 is a bijection on 0..1999 (7919 is prime, coprime to 2000): times come out 0..1999.
      const times = out.map((i) => (i * 7919) % 2000);
      expect(times).toEqual(Array.from({ length: 2000 }, (_, t) => t));
    }
  });

  it("keeps order among many events for the instant being simulated, across the ring's growth while it wraps", () => {
    const c = new Boxed<number>();
    const model = new SortedModel<number>();
    const both = (time: number, payload: number) => {
      c.schedule(time, payload);
      model.schedule(time, payload);
    };
    both(1, -1);
    both(2, -2);
    expect(c.pop()).toBe(model.pop()); // the instant is now 1: what is scheduled for it joins the ring
    let next = 0;
    // Push 3 and pop 1, so the ring's head moves on while it fills: it grows from 256 while wrapped.
    for (let round = 0; round < 400; round++) {
      for (let k = 0; k < 3; k++) both(1, next++);
      expect(c.pop()).toBe(model.pop());
    }
    while (model.size > 0) expect(c.pop()).toBe(model.pop());
    expect(c.size).toBe(0);
  });

  it('accepts time 0 and fractional times', () => {
    const c = new Boxed<string>();
    c.schedule(0.25, 'b');
    c.schedule(0, 'a');
    expect(drain(c)).toEqual(['a', 'b']);
  });

  it('refuses negative and NaN times, and schedules nothing', () => {
    const c = new Boxed<string>();
    expect(() => c.schedule(-1, 'x')).toThrow(RangeError);
    expect(() => c.schedule(-1e-9, 'x')).toThrow(RangeError);
    expect(() => c.schedule(Number.NaN, 'x')).toThrow(RangeError);
    expect(() => c.schedule(Number.NEGATIVE_INFINITY, 'x')).toThrow(RangeError);
    expect(c.size).toBe(0);
    c.schedule(1, 'ok');
    expect(drain(c)).toEqual(['ok']);
  });
});
