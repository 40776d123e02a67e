import { formatFileSize } from '../format';

/**
 * The browser's first look at a file a user picks: format (by extension, which the API also
 * requires to match the declared type) and size. The server checks again, and reads the first
 * bytes of each file to refuse a disguised one; these checks only spare a useless upload.
 */
export interface FileRules<T extends string> {
  /** Lower-case extension (no dot) → the content type declared for it. */
  byExtension: Readonly<Record<string, T>>;
  maxBytes: number;
  /** "PDF, JPEG ou PNG": how the messages name the accepted formats. */
  formatsText: string;
}

export interface FileLike {
  name: string;
  size: number;
}

export type FileCheck<T extends string> = { ok: true; contentType: T } | { ok: false; message: string };

/** The file picker's filter (extensions and types, for every platform's dialog). */
export const acceptAttribute = (rules: FileRules<string>): string =>
  [
    ...Object.keys(rules.byExtension).map((ext) => `.${ext}`),
    ...new Set(Object.values(rules.byExtension)),
  ].join(',');

export function contentTypeFor<T extends string>(fileName: string, rules: FileRules<T>): T | undefined {
  const dot = fileName.lastIndexOf('.');
  if (dot < 0) return undefined;
  return rules.byExtension[fileName.slice(dot + 1).toLowerCase()];
}

export function checkFileAgainst<T extends string>(file: FileLike, rules: FileRules<T>): FileCheck<T> {
  const contentType = contentTypeFor(file.name, rules);
  if (!contentType) {
    return { ok: false, message: `« ${file.name} » n’est pas d’un format accepté (${rules.formatsText}).` };
  }
  if (file.size === 0) return { ok: false, message: `« ${file.name} » est vide.` };
  if (file.size > rules.maxBytes) {
    return {
      ok: false,
      message: `« ${file.name} » fait ${formatFileSize(file.size)} : chaque fichier doit faire ${formatFileSize(rules.maxBytes)} au plus.`,
    };
  }
  if (file.name.length > 200) {
    return { ok: false, message: `Le nom de « ${file.name.slice(0, 40)}… » est trop long.` };
  }
  return { ok: true, contentType };
}
