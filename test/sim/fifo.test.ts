import { describe, expect, it } from 'vitest';
import { Fifo } from '../../src/sim/fifo.js';

describe('Fifo', () => {
  it('starts empty', () => {
    const q = new Fifo<number>();
    expect(q.length).toBe(0);
    expect(q.shift()).toBeUndefined();
    expect(q.peek(3)).toEqual([]);
  });

  it('gives items back in the order they were pushed', () => {
    const q = new Fifo<string>();
    for (const s of ['a', 'b', 'c']) q.push(s);
    expect(q.length).toBe(3);
    expect(q.shift()).toBe('a');
    q.push('d');
    expect(q.shift()).toBe('b');
    expect(q.shift()).toBe('c');
    expect(q.shift()).toBe('d');
    expect(q.shift()).toBeUndefined();
    expect(q.length).toBe(0);
  });

  it('peek(n) shows the oldest n without removing them', () => {
    const q = new Fifo<number>();
    for (let i = 1; i <= 5; i++) q.push(i);
    expect(q.peek(2)).toEqual([1, 2]);
    expect(q.peek(0)).toEqual([]);
    expect(q.length).toBe(5);
    q.shift();
    expect(q.peek(3)).toEqual([2, 3, 4]);
    expect(q.peek(10)).toEqual([2, 3, 4, 5]); // fewer when shorter
  });

  it('peek returns a copy: changing it does not change the queue', () => {
    const q = new Fifo<number>();
    q.push(1);
    q.push(2);
    const seen = q.peek(2);
    seen[0] = 99;
    seen.push(100);
    expect(q.peek(5)).toEqual([1, 2]);
  });

  it('shift on an empty queue does not break later pushes', () => {
    const q = new Fifo<number>();
    expect(q.shift()).toBeUndefined();
    expect(q.shift()).toBeUndefined();
    q.push(7);
    expect(q.length).toBe(1);
    expect(q.shift()).toBe(7);
  });

  it('keeps order and length through compaction past 1024 shifted items', () => {
    const q = new Fifo<number>();
    for (let i = 0; i < 3000; i++) q.push(i);
    const shifted: (number | undefined)[] = [];
    const lengths: number[] = [];
    for (let i = 0; i < 2000; i++) {
      shifted.push(q.shift());
      lengths.push(q.length);
    }
    expect(shifted).toEqual(Array.from({ length: 2000 }, (_, i) => i));
    expect(lengths).toEqual(Array.from({ length: 2000 }, (_, i) => 3000 - i - 1));
    expect(q.peek(3)).toEqual([2000, 2001, 2002]);
    for (let i = 3000; i < 3500; i++) q.push(i);
    const rest = Array.from({ length: 1500 }, () => q.shift());
    expect(rest).toEqual(Array.from({ length: 1500 }, (_, i) => 2000 + i));
    expect(q.length).toBe(0);
    expect(q.shift()).toBeUndefined();
  });

  it('matches a plain array over interleaved pushes and shifts (many compactions)', () => {
    const q = new Fifo<number>();
    const model: number[] = [];
    let next = 0;
    let state = 12345;
    const mismatches: string[] = [];
    for (let op = 0; op < 50_000 && mismatches.length < 5; op++) {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      if (state / 2 ** 32 < 0.52) {
        q.push(next);
        model.push(next++);
      } else {
        const got = q.shift();
        const want = model.shift();
        if (got !== want) mismatches.push(`op ${op}: shift gave ${got}, expected ${want}`);
      }
      if (q.length !== model.length) mismatches.push(`op ${op}: length ${q.length}, expected ${model.length}`);
      if (op % 997 === 0 && q.peek(5).join() !== model.slice(0, 5).join()) mismatches.push(`op ${op}: peek differs`);
    }
    expect(mismatches).toEqual([]);
    expect(next).toBeGreaterThan(20_000);
    expect(q.peek(model.length)).toEqual(model);
  });

  it('drains exactly at the compaction boundary', () => {
    for (const n of [1024, 1025, 1026, 2049, 2050]) {
      const q = new Fifo<number>();
      for (let i = 0; i < n; i++) q.push(i);
      expect(Array.from({ length: n }, () => q.shift())).toEqual(Array.from({ length: n }, (_, i) => i));
      expect(q.length).toBe(0);
      q.push(-1);
      expect(q.peek(2)).toEqual([-1]);
    }
  });
});
