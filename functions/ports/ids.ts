/** Identifiers come in through this port (ULIDs in production, predictable ones in tests). */
export interface Ids {
  next(): string;
}
