/**
 * How much memory a long run keeps. V8 lets a heap grow to up to four times
 * what survived its last full collection, and a run's claims in flight
 * outlive young collections, so a 10,000,000-claim run held 1.8 GB resident
 * for well under half of that live. Capping the growth at half of what is
 * live keeps memory near the live set for a few per cent more time in the
 * collector. The flag is process-wide (worker threads share it), so the
 * command line sets it, not the library: a program embedding claimsim
 * decides for itself.
 */
import { setFlagsFromString } from 'node:v8';

let set = false;

export function keepHeapNearLive(): void {
  if (set) return;
  setFlagsFromString('--heap-growing-percent=50');
  set = true;
}
