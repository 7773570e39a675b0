/**
 * Progress on long runs: a line on stderr rewritten in place, only when stderr
 * is a terminal and not in CI, so pipes and logs stay clean.
 */
export function progressReporter(label: string, claimsPerStep: number): ((done: number, total: number) => void) | undefined {
  if (!process.stderr.isTTY || process.env.CI) return undefined;
  const t0 = performance.now();
  return (done, total) => {
    const seconds = (performance.now() - t0) / 1000;
    const rate = (done * claimsPerStep) / seconds;
    const left = done < total ? ` ${Math.ceil((seconds / done) * (total - done))} s left` : '';
    process.stderr.write(`\r${label} ${done}/${total}, ${Math.round(rate).toLocaleString('en-US')} claims/s${left}\x1b[K`);
    if (done === total) process.stderr.write('\n');
  };
}
