import { readFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * What a browser must download before the SPA can start: the entry script of index.html,
 * its modulepreloads, and every chunk those import statically (dynamic `import()` chunks
 * are lazy and not counted). Sizes are gzip level 6 (zlib's default, what most CDNs use).
 */
export interface HtmlAssets {
  moduleScripts: string[];
  modulePreloads: string[];
  stylesheets: string[];
}

const attributes = (tag: string): Record<string, string> => {
  const found: Record<string, string> = {};
  for (const match of tag.matchAll(/([\w:-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    found[match[1]!.toLowerCase()] = match[2] ?? match[3] ?? match[4] ?? '';
  }
  return found;
};

export function parseIndexHtml(html: string): HtmlAssets {
  const assets: HtmlAssets = { moduleScripts: [], modulePreloads: [], stylesheets: [] };
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const attrs = attributes(tag.slice(7, -1));
    if (attrs.type === 'module' && attrs.src) assets.moduleScripts.push(attrs.src);
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const attrs = attributes(tag.slice(5, -1));
    const rel = (attrs.rel ?? '').toLowerCase().split(/\s+/);
    if (rel.includes('modulepreload') && attrs.href) assets.modulePreloads.push(attrs.href);
    if (rel.includes('stylesheet') && attrs.href) assets.stylesheets.push(attrs.href);
  }
  return assets;
}

/**
 * Relative specifiers of the static imports and re-exports of a (minified) ES module:
 * `import"./a.js"`, `import{x}from"./b.js"`, `export*from"./c.js"`. `import("./d.js")` is dynamic
 * and skipped (a parenthesis, not a quote, follows the keyword).
 */
export function staticImports(code: string): string[] {
  const found = new Set<string>();
  for (const match of code.matchAll(/(?:\bfrom|\bimport)\s*(["'])([^"'\n]+?)\1/g)) {
    const specifier = match[2]!;
    if (/^(\.{1,2}\/|\/)/.test(specifier) && /\.m?js$/.test(specifier)) found.add(specifier);
  }
  return [...found];
}

/** URL path of `specifier` imported from the module at URL path `from`. */
export const resolveAssetPath = (from: string, specifier: string): string =>
  specifier.startsWith('/')
    ? posix.normalize(specifier)
    : posix.normalize(posix.join(posix.dirname(from), specifier));

export interface AssetSize {
  path: string;
  bytes: number;
  gzipBytes: number;
  /** Why it is initial: entry script, modulepreload, or static import of another file. */
  via: string;
}

export const gzipSize = (content: Buffer | string): number => gzipSync(content, { level: 6 }).length;

export async function initialJavaScript(distDir: string): Promise<{ files: AssetSize[]; css: AssetSize[] }> {
  const html = await readFile(join(distDir, 'index.html'), 'utf8');
  const assets = parseIndexHtml(html);
  const files: AssetSize[] = [];
  const seen = new Set<string>();
  const queue: { path: string; via: string }[] = [
    ...assets.moduleScripts.map((path) => ({ path, via: 'entry script' })),
    ...assets.modulePreloads.map((path) => ({ path, via: 'modulepreload' })),
  ];
  // Bounded: a build has far fewer than 500 chunks.
  for (let guard = 0; queue.length > 0 && guard < 500; guard++) {
    const { path, via } = queue.shift()!;
    const normalized = resolveAssetPath('/', path);
    if (seen.has(normalized)) continue;
    seen.add(normalized);
    const content = await readFile(join(distDir, normalized));
    files.push({ path: normalized, bytes: content.length, gzipBytes: gzipSize(content), via });
    for (const specifier of staticImports(content.toString('utf8'))) {
      queue.push({ path: resolveAssetPath(normalized, specifier), via: `imported by ${normalized}` });
    }
  }
  const css: AssetSize[] = [];
  for (const href of assets.stylesheets) {
    const normalized = resolveAssetPath('/', href);
    const content = await readFile(join(distDir, normalized)).catch(() => undefined);
    if (content)
      css.push({ path: normalized, bytes: content.length, gzipBytes: gzipSize(content), via: 'stylesheet' });
  }
  return { files, css };
}
