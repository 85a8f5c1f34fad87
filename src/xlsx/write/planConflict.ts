/** A write refused before any change: planned sheet names that belong to the user, or that are not ours. */
export class PlanConflictError extends Error {
  constructor(
    readonly conflicts: readonly string[],
    readonly invalidNames: readonly string[],
  ) {
    super(`refusing to write: ${[...conflicts, ...invalidNames].join(', ')}`);
    this.name = 'PlanConflictError';
  }
}
