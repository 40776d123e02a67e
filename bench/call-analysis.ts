import type { CapturedCall } from './sdk-capture';

/** Items a request reads more than once (by key), e.g. the user read by the session check and again by the use case. */
export function duplicateReads(calls: readonly CapturedCall[]): string[] {
  const reads = new Map<string, string[]>();
  const note = (key: unknown, operation: string) => {
    const pk = (key as { PK?: { S?: string } } | undefined)?.PK?.S;
    const sk = (key as { SK?: { S?: string } } | undefined)?.SK?.S;
    if (!pk) return;
    // Entity prefixes only: ids and digests are not worth printing.
    const label = `${pk.replace(/#.*$/, '#…')} / ${(sk ?? '').replace(/#.*$/, '#…')}`;
    const id = `${pk}\u0000${sk}`;
    reads.set(id, [...(reads.get(id) ?? []), `${operation}:${label}`]);
  };
  for (const call of calls) {
    if (call.operation === 'GetItem') note(call.input.Key, 'GetItem');
    if (call.operation === 'BatchGetItem') {
      for (const table of Object.values(
        (call.input.RequestItems ?? {}) as Record<string, { Keys?: unknown[] }>,
      )) {
        for (const key of table.Keys ?? []) note(key, 'BatchGetItem');
      }
    }
  }
  return [...reads.values()]
    .filter((list) => list.length > 1)
    .map(
      (list) =>
        `${list[0]!.split(':')[1]} read ${list.length}× (${list.map((entry) => entry.split(':')[0]).join(', ')})`,
    );
}
