import { lazy, type ComponentType } from 'react';

/**
 * A route component loaded on first visit, from a module's named export (pages export by
 * name so they are greppable; React.lazy wants a default export).
 */
export function lazyPage<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M & string) {
  return lazy(async () => {
    const module = await load();
    return { default: module[name] as ComponentType };
  });
}
