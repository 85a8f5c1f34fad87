/** Array helpers safe at any size (spreading 100,000 elements into push() overflows the stack). */

export function pushAll<T>(target: T[], items: Iterable<T>): void {
  for (const item of items) target.push(item);
}
