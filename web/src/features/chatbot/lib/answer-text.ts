/**
 * The knowledge base writes answers as plain text: paragraphs separated by a blank line,
 * list items on lines starting with "• ". This turns them into blocks the dialog renders as
 * real paragraphs and lists (a screen reader then announces "liste, 3 éléments").
 */
export type AnswerBlock = { kind: 'paragraph'; text: string } | { kind: 'list'; items: string[] };

const BULLET = /^\s*[•·-]\s+/;

export function answerBlocks(text: string): AnswerBlock[] {
  const blocks: AnswerBlock[] = [];
  for (const chunk of text.split(/\n\s*\n/)) {
    let paragraph: string[] = [];
    let list: string[] = [];
    const flushParagraph = () => {
      if (paragraph.length) blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
      paragraph = [];
    };
    const flushList = () => {
      if (list.length) blocks.push({ kind: 'list', items: list });
      list = [];
    };
    for (const rawLine of chunk.split('\n')) {
      const line = rawLine.trim();
      if (!line) continue;
      if (BULLET.test(line)) {
        flushParagraph();
        list.push(line.replace(BULLET, ''));
      } else {
        flushList();
        paragraph.push(line);
      }
    }
    flushParagraph();
    flushList();
  }
  return blocks;
}

/** `01 44 20 80 63` → `tel:+33144208063`; undefined when it is not a French number. */
export function telHref(display: string): string | undefined {
  const digits = display.replace(/[\s.-]/g, '');
  if (/^0\d{9}$/.test(digits)) return `tel:+33${digits.slice(1)}`;
  if (/^\+33\d{9}$/.test(digits)) return `tel:${digits}`;
  return undefined;
}
