import { monotonicFactory } from 'ulid';
import type { Ids } from '../../ports/ids';

const nextUlid = monotonicFactory();

export const ulidIds: Ids = { next: () => nextUlid() };
