/** Array helpers safe at any size (spreading 100,000 elements into push() overflows the stack). */

/** Far below any engine's limit on the arguments of one call. */
const PUSH_AT_ONCE = 4096;

export function pushAll<T>(target: T[], items: Iterable<T>): void {
  if (Array.isArray(items)) {
    const list = items as T[];
    // A sheet's items or findings in one builtin call; longer arrays by index (a for-of makes an iterator
    // result per element until the code is optimized).
    if (list.length <= PUSH_AT_ONCE) Array.prototype.push.apply(target, list);
    else for (let i = 0; i < list.length; i += 1) target.push(list[i]!);
  } else for (const item of items) target.push(item);
}
