import { describe, expect, it } from 'vitest';
import { parseIndexHtml, resolveAssetPath, staticImports } from '../../../bench/spa-assets';

describe('initial JS of the SPA', () => {
  it('finds the entry module, its modulepreloads and the stylesheets of index.html', () => {
    const html = `<!doctype html><html><head>
      <script type="module" crossorigin src="/assets/index-abc.js"></script>
      <link rel="modulepreload" crossorigin href="/assets/vendor-def.js">
      <link rel="stylesheet" crossorigin href="/assets/index-123.css">
      <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
      <script src="/legacy.js"></script>
    </head></html>`;
    expect(parseIndexHtml(html)).toEqual({
      moduleScripts: ['/assets/index-abc.js'],
      modulePreloads: ['/assets/vendor-def.js'],
      stylesheets: ['/assets/index-123.css'],
    });
  });

  it('keeps static imports and re-exports, not dynamic imports nor bare packages', () => {
    const code =
      'import{a as b}from"./chunk-a.js";import"./side.js";export*from"../up.js";' +
      'const c=()=>import("./lazy.js");import x from "react";const s="from";import {y} from \'./quoted.js\'';
    expect(staticImports(code).sort()).toEqual(['../up.js', './chunk-a.js', './quoted.js', './side.js']);
  });

  it('resolves a specifier against the importing file', () => {
    expect(resolveAssetPath('/assets/index.js', './chunk.js')).toBe('/assets/chunk.js');
    expect(resolveAssetPath('/assets/index.js', '/other/x.js')).toBe('/other/x.js');
    expect(resolveAssetPath('/assets/deep/a.js', '../b.js')).toBe('/assets/b.js');
  });
});
