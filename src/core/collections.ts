/** Array helpers safe at any size (spreading 100,000 elements into push() overflows the stack). */

export function pushAll<T>(target: T[], items: Iterable<T>): void {
  // Arrays by index: a for-of makes an iterator result per element until the code is optimized.
  if (Array.isArray(items)) {
    const list = items as readonly T[];
    for (let i = 0; i < list.length; i += 1) target.push(list[i]!);
  } else for (const item of items) target.push(item);
}
