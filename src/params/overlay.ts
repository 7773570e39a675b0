/**
 * A variant policy is an overlay of changed values on a base scenario. This is
 * the one function that applies it: pure, returning a new tree, never forking
 * code per policy.
 */

export type Tree = { [key: string]: unknown };

/** Path of a leaf, as dotted text: `policy.stepIn.onSilence`. */
export type LeafPath = string;

/**
 * Returns `base` with the value at each `changes` path replaced. A path may
 * reach inside a leaf (`sellers.responses.accept`, `claimAmount.mixture.0.weight`),
 * in which case the containing object or array is copied, not shared.
 */
export function applyOverlay(base: Tree, changes: ReadonlyMap<string, unknown>): Tree {
  let result: Tree = base;
  for (const [path, value] of changes) result = setIn(result, path.split('.'), value) as Tree;
  return result;
}

/** `node` with the value at `keys` replaced, copying the objects and arrays on the way. */
export function setIn(node: unknown, keys: readonly string[], value: unknown): unknown {
  if (keys.length === 0) return value;
  const [key, ...rest] = keys as [string, ...string[]];
  if (Array.isArray(node)) {
    const copy = node.slice();
    copy[Number(key)] = setIn(copy[Number(key)], rest, value);
    return copy;
  }
  const obj = (typeof node === 'object' && node !== null ? node : {}) as Tree;
  return { ...obj, [key]: setIn(obj[key], rest, value) };
}

/** The value at a dotted path, or `undefined`. */
export function getIn(node: unknown, path: string): unknown {
  let at: unknown = node;
  for (const key of path.split('.')) {
    if (typeof at !== 'object' || at === null) return undefined;
    at = (at as Tree)[key];
  }
  return at;
}
