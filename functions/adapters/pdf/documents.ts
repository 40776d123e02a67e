import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFNumber,
  StandardFonts,
  rgb,
  type Color,
  type PDFFont,
  type PDFPage,
} from 'pdf-lib';
import {
  CATEGORY_TITLES,
  sectionTitles,
  type Block,
  type FormField,
  type PanelRow,
  type PracticalDocument,
} from '../../domain/documents/model';
import { SCHEME } from '../../domain/documents/scheme';

/**
 * Lays out a practical document (functions/domain/documents) as a real PDF: A4, Helvetica
 * and Helvetica-Bold (the standard fonts, WinAnsi-encoded, nothing embedded), text wrapped
 * on the fonts' real widths, page breaks that keep a heading with what follows, a running
 * header and a footer with "Page n / N". Guides open on a title page with their contents;
 * forms open on a header band. The output depends on the content only: the PDF's dates are
 * the content's version date, so two builds of the same content are byte-identical.
 */

const PAGE_WIDTH = 595.28;
const PAGE_HEIGHT = 841.89;
const LEFT = 56;
const RIGHT = PAGE_WIDTH - 56;
const WIDTH = RIGHT - LEFT;
const TOP = PAGE_HEIGHT - 64;
const BOTTOM = 64;

const COLOR = {
  brand: rgb(0.07, 0.21, 0.36),
  brandLight: rgb(0.8, 0.87, 0.93),
  text: rgb(0.12, 0.12, 0.14),
  muted: rgb(0.38, 0.4, 0.44),
  rule: rgb(0.72, 0.76, 0.81),
  tint: rgb(0.93, 0.95, 0.98),
  reserved: rgb(0.88, 0.89, 0.9),
  white: rgb(1, 1, 1),
};

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

interface TextStyle {
  size: number;
  leading: number;
  color: Color;
  /** Every run bold (headings), not only the `**…**` ones. */
  bold?: boolean;
}

const BODY: TextStyle = { size: 10, leading: 14, color: COLOR.text };
const SMALL: TextStyle = { size: 9, leading: 12.5, color: COLOR.muted };
const LEGAL: TextStyle = { size: 8, leading: 11, color: COLOR.muted };
const CELL: TextStyle = { size: 9, leading: 12, color: COLOR.text };
const LABEL: TextStyle = { size: 8, leading: 10, color: COLOR.muted };
const FORM_LABEL: TextStyle = { size: 8.5, leading: 11, color: COLOR.text, bold: true };

// ---------------------------------------------------------------------------------------
// Drawing text with the standard fonts

interface PutOptions {
  x: number;
  y: number;
  size: number;
  font: PDFFont;
  color: Color;
}

const currentFont = new WeakMap<PDFPage, PDFFont>();

/**
 * page.drawText, selecting the font only when it changes: pdf-lib adds a font resource to the
 * page each time a font is passed, which would leave hundreds of entries on a page.
 */
function put(page: PDFPage, text: string, { font, ...options }: PutOptions): void {
  if (currentFont.get(page) !== font) {
    page.setFont(font);
    currentFont.set(page, font);
  }
  page.drawText(text, options);
}

/** The Unicode characters of WinAnsi codes 0x80–0x9F (the rest is Latin-1). */
export const WIN_ANSI_HIGH: Readonly<Record<number, string>> = {
  0x80: '€',
  0x82: '‚',
  0x83: 'ƒ',
  0x84: '„',
  0x85: '…',
  0x86: '†',
  0x87: '‡',
  0x88: 'ˆ',
  0x89: '‰',
  0x8a: 'Š',
  0x8b: '‹',
  0x8c: 'Œ',
  0x8e: 'Ž',
  0x91: '‘',
  0x92: '’',
  0x93: '“',
  0x94: '”',
  0x95: '•',
  0x96: '–',
  0x97: '—',
  0x98: '˜',
  0x99: '™',
  0x9a: 'š',
  0x9b: '›',
  0x9c: 'œ',
  0x9e: 'ž',
  0x9f: 'Ÿ',
};

const winAnsiChar = (code: number): string | undefined =>
  code >= 0x80 && code <= 0x9f ? WIN_ANSI_HIGH[code] : code === 0x7f ? undefined : String.fromCharCode(code);

/**
 * Writes the glyph widths (FirstChar, LastChar, Widths) into the font dictionaries. They are
 * optional for the 14 standard fonts, but a viewer that substitutes another font (poppler,
 * some mobile readers) then spaces the glyphs with that font's widths, and the words of a
 * line drawn in two runs (regular, then bold) collide. With the widths, every viewer places
 * each glyph where our line-breaking measured it.
 */
async function writeGlyphWidths(pdf: PDFDocument, fonts: readonly PDFFont[]): Promise<void> {
  await pdf.flush();
  for (const font of fonts) {
    const dict = pdf.context.lookup(font.ref, PDFDict);
    const widths = PDFArray.withContext(pdf.context);
    for (let code = 32; code <= 255; code++) {
      const char = winAnsiChar(code);
      widths.push(PDFNumber.of(char ? Math.round(font.widthOfTextAtSize(char, 1000)) : 0));
    }
    dict.set(PDFName.of('FirstChar'), PDFNumber.of(32));
    dict.set(PDFName.of('LastChar'), PDFNumber.of(255));
    dict.set(PDFName.of('Widths'), widths);
  }
}

// ---------------------------------------------------------------------------------------
// Text: French spacing, bold runs, wrapping on real glyph widths

const NBSP = '\u00a0';

/** French typography: no line break before « : ; ? ! » or after «, nor inside a phone number. */
export function frenchSpacing(text: string): string {
  return text
    .replace(/ ([:;?!»])/g, `${NBSP}$1`)
    .replace(/« /g, `«${NBSP}`)
    .replace(/\b0\d( \d\d){4}\b/g, (phone) => phone.replace(/ /g, NBSP))
    .replace(/(\d) (Mo|mois|jours|heures|minutes|caractères|chiffres|semaines|ans)\b/g, `$1${NBSP}$2`);
}

interface Piece {
  text: string;
  bold: boolean;
}
/** Pieces written without a space between them (a bold word and its punctuation). */
type Token = Piece[];

/** `Cliquez sur **Continuer**.` → tokens [Cliquez] [sur] [Continuer(bold) + .] */
function tokenize(text: string, allBold = false): Token[] {
  const tokens: Token[] = [];
  let glue = false;
  frenchSpacing(text)
    .split('**')
    .forEach((run, index) => {
      const bold = allBold || index % 2 === 1;
      const words = run.split(' ');
      words.forEach((word, wordIndex) => {
        if (wordIndex > 0) glue = false;
        if (word === '') return;
        const last = tokens[tokens.length - 1];
        if (glue && last) last.push({ text: word, bold });
        else tokens.push([{ text: word, bold }]);
        glue = true;
      });
      // A run that ends with a space leaves the next run's first word separate.
      if (run.endsWith(' ')) glue = false;
    });
  return tokens;
}

interface Segment {
  text: string;
  bold: boolean;
  width: number;
}
type Line = Segment[];

function wrap(text: string, width: number, style: TextStyle, fonts: Fonts): Line[] {
  const font = (bold: boolean) => (bold ? fonts.bold : fonts.regular);
  const measure = (piece: Piece) => font(piece.bold).widthOfTextAtSize(piece.text, style.size);
  const space = fonts.regular.widthOfTextAtSize(' ', style.size);
  const lines: Token[][] = [];
  let current: Token[] = [];
  let currentWidth = 0;
  for (const token of tokenize(text, style.bold)) {
    const tokenWidth = token.reduce((sum, piece) => sum + measure(piece), 0);
    const added = current.length === 0 ? tokenWidth : space + tokenWidth;
    if (current.length > 0 && currentWidth + added > width) {
      lines.push(current);
      current = [token];
      currentWidth = tokenWidth;
    } else {
      current.push(token);
      currentWidth += added;
    }
  }
  if (current.length > 0) lines.push(current);
  // Merge the pieces of a line into as few same-style segments as possible (one Tj each).
  return lines.map((tokens) => {
    const segments: Line = [];
    tokens.forEach((token, tokenIndex) => {
      token.forEach((piece, pieceIndex) => {
        const text = tokenIndex > 0 && pieceIndex === 0 ? ` ${piece.text}` : piece.text;
        const last = segments[segments.length - 1];
        if (last && last.bold === piece.bold) last.text += text;
        else segments.push({ text, bold: piece.bold, width: 0 });
      });
    });
    for (const segment of segments)
      segment.width = font(segment.bold).widthOfTextAtSize(segment.text, style.size);
    return segments;
  });
}

const frenchDate = (iso: string) => iso.slice(0, 10).split('-').reverse().join('/');

// ---------------------------------------------------------------------------------------
// The page flow

class Flow {
  readonly pages: PDFPage[] = [];
  page!: PDFPage;
  y = TOP;
  /** The text column; a framed block (an e-mail's body) narrows it. */
  left = LEFT;
  right = RIGHT;
  /** Called with the page being left, before a new page starts. */
  readonly pageEndListeners: ((page: PDFPage) => void)[] = [];
  /** Level-1 headings and the page (0-based) each starts on: the contents. */
  readonly sections: { title: string; pageIndex: number }[] = [];

  constructor(
    private readonly pdf: PDFDocument,
    readonly fonts: Fonts,
  ) {}

  get width(): number {
    return this.right - this.left;
  }

  newPage(): void {
    if (this.pages.length > 0) for (const listener of this.pageEndListeners) listener(this.page);
    this.page = this.pdf.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    this.pages.push(this.page);
    this.y = TOP;
  }

  /** Starts a new page unless `height` still fits above the bottom margin. */
  ensure(height: number): void {
    if (this.y - height < BOTTOM) this.newPage();
  }

  get atTopOfPage(): boolean {
    return this.y >= TOP - 0.01;
  }

  space(height: number): void {
    if (!this.atTopOfPage) this.y -= height;
  }

  /** Draws wrapped lines at x; the first baseline sits one font size below the current y. */
  drawLines(
    lines: Line[],
    x: number,
    style: TextStyle,
    options: { color?: Color; breakable?: boolean } = {},
  ): void {
    for (const line of lines) {
      if (options.breakable !== false) this.ensure(style.leading);
      let cursor = x;
      const baseline = this.y - style.size;
      for (const segment of line) {
        put(this.page, segment.text, {
          x: cursor,
          y: baseline,
          size: style.size,
          font: segment.bold ? this.fonts.bold : this.fonts.regular,
          color: options.color ?? style.color,
        });
        cursor += segment.width;
      }
      this.y -= style.leading;
    }
  }

  text(text: string, style: TextStyle, x = this.left, width = this.right - x): void {
    this.paragraph(wrap(text, width, style, this.fonts), x, style);
  }

  /**
   * Draws a paragraph's lines across pages without leaving a single line alone at the
   * bottom of a page (orphan) or at the top of the next (widow).
   */
  paragraph(lines: Line[], x: number, style: TextStyle): void {
    let rest = lines;
    while (rest.length > 0) {
      const fits = Math.floor((this.y - BOTTOM + 0.01) / style.leading);
      if (fits >= rest.length) break;
      let now = fits === 1 ? 0 : fits;
      if (rest.length - now === 1 && now > 1) now -= 1;
      this.drawLines(rest.slice(0, now), x, style, { breakable: false });
      this.newPage();
      rest = rest.slice(now);
    }
    this.drawLines(rest, x, style, { breakable: false });
  }
}

// ---------------------------------------------------------------------------------------
// Blocks

const HEADING_STYLES: Record<1 | 2 | 3, TextStyle & { before: number; after: number }> = {
  1: { size: 15, leading: 19, color: COLOR.brand, bold: true, before: 18, after: 6 },
  2: { size: 11.5, leading: 15, color: COLOR.brand, bold: true, before: 10, after: 3 },
  3: { size: 10.5, leading: 14, color: COLOR.text, bold: true, before: 8, after: 2 },
};

/** Height of a heading as drawn (without the space before it). */
const headingHeight = (flow: Flow, level: 1 | 2 | 3, text: string) => {
  const style = HEADING_STYLES[level];
  return (
    wrap(text, flow.width, style, flow.fonts).length * style.leading + style.after + (level === 1 ? 4 : 0)
  );
};

function drawHeading(flow: Flow, level: 1 | 2 | 3, text: string, next?: Block): void {
  const style = HEADING_STYLES[level];
  const lines = wrap(text, flow.width, style, flow.fonts);
  // Keep a heading with at least three lines of what follows (through a sub-heading).
  const following =
    next?.kind === 'heading'
      ? HEADING_STYLES[next.level].before + headingHeight(flow, next.level, next.text) + 3 * BODY.leading
      : 3 * BODY.leading;
  flow.space(style.before);
  flow.ensure(lines.length * style.leading + style.after + following);
  if (level === 1) flow.sections.push({ title: text, pageIndex: flow.pages.length - 1 });
  flow.drawLines(lines, flow.left, style, { breakable: false });
  if (level === 1) {
    flow.page.drawLine({
      start: { x: flow.left, y: flow.y + 1 },
      end: { x: flow.left + 48, y: flow.y + 1 },
      thickness: 2,
      color: COLOR.brandLight,
    });
    flow.y -= 4;
  }
  flow.y -= style.after;
}

function drawList(flow: Flow, items: readonly string[], numbered: boolean): void {
  const indent = numbered ? 20 : 16;
  items.forEach((item, index) => {
    const lines = wrap(item, flow.width - indent, BODY, flow.fonts);
    flow.ensure(Math.min(lines.length, 2) * BODY.leading);
    const baseline = flow.y - BODY.size;
    if (numbered) {
      put(flow.page, `${index + 1}.`, {
        x: flow.left + 2,
        y: baseline,
        size: BODY.size,
        font: flow.fonts.bold,
        color: COLOR.brand,
      });
    } else {
      put(flow.page, '•', {
        x: flow.left + 4,
        y: baseline,
        size: BODY.size,
        font: flow.fonts.bold,
        color: COLOR.brand,
      });
    }
    flow.paragraph(lines, flow.left + indent, BODY);
    flow.y -= 3;
  });
  flow.y -= 4;
}

function drawCallout(flow: Flow, title: string | undefined, paragraphs: readonly string[]): void {
  const padding = 10;
  const innerX = flow.left + padding + 4;
  const innerWidth = flow.width - 2 * padding - 4;
  const style: TextStyle = { size: 9.5, leading: 13, color: COLOR.text };
  const titleStyle: TextStyle = { size: 10, leading: 14, color: COLOR.brand, bold: true };
  const titleLines = title ? wrap(title, innerWidth, titleStyle, flow.fonts) : [];
  const bodies = paragraphs.map((paragraph) => wrap(paragraph, innerWidth, style, flow.fonts));
  const height =
    2 * padding +
    titleLines.length * titleStyle.leading +
    (titleLines.length > 0 ? 2 : 0) +
    bodies.reduce((sum, lines) => sum + lines.length * style.leading, 0) +
    (bodies.length - 1) * 4;
  flow.space(4);
  flow.ensure(height);
  const top = flow.y;
  flow.page.drawRectangle({ x: flow.left, y: top - height, width: flow.width, height, color: COLOR.tint });
  flow.page.drawRectangle({ x: flow.left, y: top - height, width: 3, height, color: COLOR.brand });
  flow.y -= padding;
  if (titleLines.length > 0) {
    flow.drawLines(titleLines, innerX, titleStyle, { breakable: false });
    flow.y -= 2;
  }
  bodies.forEach((lines, index) => {
    if (index > 0) flow.y -= 4;
    flow.drawLines(lines, innerX, style, { breakable: false });
  });
  flow.y = top - height - 8;
}

function drawPanel(flow: Flow, title: string | undefined, rows: readonly PanelRow[]): void {
  const labelWidth = 180;
  const padding = 5;
  const style: TextStyle = { size: 9.5, leading: 12.5, color: COLOR.text };
  const labelStyle: TextStyle = { ...style, bold: true, color: COLOR.brand };
  if (title) drawHeading(flow, 3, title);
  const measured = rows.map((row) => {
    const label = wrap(row.label, labelWidth - 2 * padding, labelStyle, flow.fonts);
    const value = wrap(row.value, flow.width - labelWidth - 2 * padding, style, flow.fonts);
    return { label, value, height: Math.max(label.length, value.length) * style.leading + 2 * padding };
  });
  flow.space(2);
  flow.ensure(measured.reduce((sum, row) => sum + row.height, 0));
  const top = flow.y;
  const total = measured.reduce((sum, row) => sum + row.height, 0);
  // Fills first, then text and rules, so that no fill covers the rule above it.
  flow.page.drawRectangle({
    x: flow.left,
    y: top - total,
    width: labelWidth,
    height: total,
    color: COLOR.tint,
  });
  flow.page.drawLine({
    start: { x: flow.left + labelWidth, y: top },
    end: { x: flow.left + labelWidth, y: top - total },
    thickness: 0.5,
    color: COLOR.rule,
  });
  measured.forEach((row, index) => {
    const rowTop = flow.y;
    flow.y = rowTop - padding;
    flow.drawLines(row.label, flow.left + padding, labelStyle, { breakable: false });
    flow.y = rowTop - padding;
    flow.drawLines(row.value, flow.left + labelWidth + padding, style, { breakable: false });
    flow.y = rowTop - row.height;
    if (index < measured.length - 1) {
      flow.page.drawLine({
        start: { x: flow.left, y: flow.y },
        end: { x: flow.right, y: flow.y },
        thickness: 0.5,
        color: COLOR.rule,
      });
    }
  });
  flow.page.drawRectangle({
    x: flow.left,
    y: flow.y,
    width: flow.width,
    height: top - flow.y,
    borderColor: COLOR.rule,
    borderWidth: 0.75,
  });
  flow.y -= 8;
}

function drawTable(
  flow: Flow,
  columns: readonly { header: string; width: number }[],
  rows: readonly (readonly string[])[],
): void {
  const padding = 5;
  const widths = columns.map((column) => column.width * flow.width);
  const headerStyle: TextStyle = { ...CELL, bold: true, color: COLOR.white };
  const measure = (cells: readonly string[], style: TextStyle) => {
    const lines = cells.map((cell, index) => wrap(cell, widths[index]! - 2 * padding, style, flow.fonts));
    return { lines, height: Math.max(...lines.map((cell) => cell.length)) * style.leading + 2 * padding };
  };
  const header = measure(
    columns.map((column) => column.header),
    headerStyle,
  );
  const drawRow = (row: { lines: Line[][]; height: number }, style: TextStyle, fill?: Color) => {
    const rowTop = flow.y;
    let x = flow.left;
    row.lines.forEach((cell, index) => {
      const width = widths[index]!;
      if (fill)
        flow.page.drawRectangle({ x, y: rowTop - row.height, width, height: row.height, color: fill });
      flow.page.drawRectangle({
        x,
        y: rowTop - row.height,
        width,
        height: row.height,
        borderColor: COLOR.rule,
        borderWidth: 0.5,
      });
      flow.y = rowTop - padding;
      flow.drawLines(cell, x + padding, style, { breakable: false });
      x += width;
    });
    flow.y = rowTop - row.height;
  };
  const body = rows.map((cells) => measure(cells, CELL));
  flow.space(4);
  flow.ensure(header.height + (body[0]?.height ?? 0));
  drawRow(header, headerStyle, COLOR.brand);
  body.forEach((row, index) => {
    if (flow.y - row.height < BOTTOM) {
      flow.newPage();
      drawRow(header, headerStyle, COLOR.brand);
    }
    drawRow(row, CELL, index % 2 === 1 ? COLOR.tint : undefined);
  });
  flow.y -= 10;
}

const FIELD_HEIGHT = 20;
const FIELD_GAP = 10;

function drawFields(flow: Flow, fields: readonly FormField[], left = flow.left, rowWidth = flow.width): void {
  const totalGap = FIELD_GAP * (fields.length - 1);
  flow.ensure(LABEL.leading + FIELD_HEIGHT + 8);
  const top = flow.y;
  let x = left;
  for (const field of fields) {
    const width = field.width * (rowWidth - totalGap);
    flow.y = top;
    flow.drawLines(wrap(field.label, width, LABEL, flow.fonts).slice(0, 1), x, LABEL, { breakable: false });
    const boxTop = top - LABEL.leading - 1;
    flow.page.drawRectangle({
      x,
      y: boxTop - FIELD_HEIGHT,
      width,
      height: FIELD_HEIGHT,
      color: field.reserved ? COLOR.reserved : COLOR.white,
      borderColor: COLOR.muted,
      borderWidth: 0.75,
    });
    if (field.value) {
      put(flow.page, frenchSpacing(field.value), {
        x: x + 6,
        y: boxTop - FIELD_HEIGHT + 7,
        size: 10,
        font: flow.fonts.regular,
        color: COLOR.text,
      });
    }
    x += width + FIELD_GAP;
  }
  flow.y = top - LABEL.leading - 1 - FIELD_HEIGHT - 8;
}

function drawCharBoxes(
  flow: Flow,
  block: Extract<Block, { kind: 'charBoxes' }>,
  left = flow.left,
  width = flow.width,
): void {
  const groupGap = 5;
  const groups = Math.ceil(block.count / block.groupOf);
  const size = Math.min(16, (width - groupGap * (groups - 1)) / block.count);
  const labelLines = wrap(block.label, width, FORM_LABEL, flow.fonts);
  const hintLines = block.hint ? wrap(block.hint, width, LABEL, flow.fonts) : [];
  flow.ensure(labelLines.length * FORM_LABEL.leading + size + 4 + hintLines.length * LABEL.leading + 8);
  flow.drawLines(labelLines, left, FORM_LABEL, { breakable: false });
  const top = flow.y - 1;
  for (let index = 0; index < block.count; index++) {
    flow.page.drawRectangle({
      x: left + index * size + Math.floor(index / block.groupOf) * groupGap,
      y: top - size - 2,
      width: size,
      height: size + 2,
      borderColor: COLOR.muted,
      borderWidth: 0.6,
    });
  }
  flow.y = top - size - 2 - 3;
  flow.drawLines(hintLines, left, LABEL, { breakable: false });
  flow.y -= 6;
}

function drawCheckboxes(
  flow: Flow,
  block: Extract<Block, { kind: 'checkboxes' }>,
  left = flow.left,
  width = flow.width,
): void {
  const box = 9;
  const gap = 24;
  const labels = block.options.map((option) => frenchSpacing(option.label));
  const widths = labels.map((label) => box + 5 + flow.fonts.regular.widthOfTextAtSize(label, BODY.size));
  // Side by side when they fit on the line, one under the other otherwise.
  const inline =
    widths.reduce((sum, optionWidth) => sum + optionWidth, 0) + gap * (widths.length - 1) <= width;
  const rows = inline ? 1 : labels.length;
  flow.ensure(FORM_LABEL.leading + rows * BODY.leading + 8);
  flow.drawLines(wrap(block.label, width, FORM_LABEL, flow.fonts), left, FORM_LABEL, { breakable: false });
  let x = left;
  let baseline = flow.y - BODY.size - 1;
  block.options.forEach((option, index) => {
    flow.page.drawRectangle({
      x,
      y: baseline - 1,
      width: box,
      height: box,
      borderColor: COLOR.text,
      borderWidth: 0.8,
    });
    if (option.checked) {
      const line = { thickness: 1.2, color: COLOR.brand };
      flow.page.drawLine({
        start: { x: x + 1.5, y: baseline + 0.5 },
        end: { x: x + box - 1.5, y: baseline + box - 2.5 },
        ...line,
      });
      flow.page.drawLine({
        start: { x: x + 1.5, y: baseline + box - 2.5 },
        end: { x: x + box - 1.5, y: baseline + 0.5 },
        ...line,
      });
    }
    put(flow.page, labels[index]!, {
      x: x + box + 5,
      y: baseline,
      size: BODY.size,
      font: flow.fonts.regular,
      color: COLOR.text,
    });
    if (inline) x += widths[index]! + gap;
    else baseline -= BODY.leading;
  });
  flow.y = (inline ? baseline : baseline + BODY.leading) - 10;
}

/** Form blocks side by side; the flow continues below the tallest column. */
function drawColumns(flow: Flow, block: Extract<Block, { kind: 'columns' }>): void {
  const gap = 16;
  const usable = flow.width - gap * (block.columns.length - 1);
  flow.ensure(60);
  const top = flow.y;
  let left = flow.left;
  let bottom = top;
  for (const column of block.columns) {
    const width = column.width * usable;
    flow.y = top;
    for (const item of column.blocks) {
      if (item.kind === 'fields') drawFields(flow, item.fields, left, width);
      else if (item.kind === 'charBoxes') drawCharBoxes(flow, item, left, width);
      else if (item.kind === 'checkboxes') drawCheckboxes(flow, item, left, width);
      else flow.text(item.text, item.tone === 'small' ? SMALL : BODY, left, width);
    }
    bottom = Math.min(bottom, flow.y);
    left += width + gap;
  }
  flow.y = bottom;
}

function drawSignature(flow: Flow, block: Extract<Block, { kind: 'signature' }>): void {
  const labelStyle = FORM_LABEL;
  const hintLines = block.hint ? wrap(block.hint, flow.width, LABEL, flow.fonts) : [];
  const fieldRow = LABEL.leading + 1 + FIELD_HEIGHT + 8;
  const height = block.placeAndDate ? 2 * fieldRow - 8 - labelStyle.leading - 1 : 62;
  flow.ensure(labelStyle.leading + height + hintLines.length * LABEL.leading + 10);
  const top = flow.y;
  let x = flow.left;
  if (block.placeAndDate) {
    const width = flow.width * 0.4;
    drawFields(flow, [{ label: 'Fait à', width: 1 }], x, width);
    drawFields(flow, [{ label: 'Le (JJ/MM/AAAA)', width: 1 }], x, width);
    x += width + FIELD_GAP;
    flow.y = top;
  }
  flow.drawLines(wrap(block.label, flow.right - x, labelStyle, flow.fonts), x, labelStyle, {
    breakable: false,
  });
  flow.page.drawRectangle({
    x,
    y: flow.y - 1 - height,
    width: flow.right - x,
    height,
    borderColor: COLOR.muted,
    borderWidth: 0.75,
  });
  flow.y -= height + 5;
  flow.drawLines(hintLines, flow.left, LABEL, { breakable: false });
  flow.y -= 6;
}

function drawBand(flow: Flow, text: string): void {
  const height = 18;
  flow.space(6);
  flow.ensure(height + 3 * FIELD_HEIGHT);
  flow.page.drawRectangle({
    x: flow.left,
    y: flow.y - height,
    width: flow.width,
    height,
    color: COLOR.brand,
  });
  put(flow.page, frenchSpacing(text).toUpperCase(), {
    x: flow.left + 7,
    y: flow.y - height + 5.5,
    size: 9,
    font: flow.fonts.bold,
    color: COLOR.white,
  });
  flow.y -= height + 8;
}

/** An e-mail's body: indented, with a bar down its left side on every page it spans. */
function drawMessage(flow: Flow, blocks: readonly Block[]): void {
  const indent = 16;
  const bars: { page: PDFPage; top: number; bottom: number }[] = [];
  flow.space(6);
  flow.ensure(4 * BODY.leading);
  let top = flow.y;
  const onPageEnd = (page: PDFPage) => {
    bars.push({ page, top, bottom: BOTTOM });
    top = TOP;
  };
  flow.pageEndListeners.push(onPageEnd);
  const outer = flow.left;
  flow.left += indent;
  drawBlocks(flow, blocks);
  flow.left = outer;
  flow.pageEndListeners.splice(flow.pageEndListeners.indexOf(onPageEnd), 1);
  bars.push({ page: flow.page, top, bottom: flow.y + 4 });
  for (const bar of bars) {
    bar.page.drawRectangle({
      x: outer,
      y: bar.bottom,
      width: 3,
      height: bar.top - bar.bottom,
      color: COLOR.brandLight,
    });
  }
  flow.y -= 6;
}

function drawBlocks(flow: Flow, blocks: readonly Block[]): void {
  blocks.forEach((block, index) => drawBlock(flow, block, blocks[index + 1]));
}

function drawBlock(flow: Flow, block: Block, next?: Block): void {
  switch (block.kind) {
    case 'heading':
      return drawHeading(flow, block.level, block.text, next);
    case 'paragraph': {
      const style = block.tone === 'small' ? SMALL : block.tone === 'legal' ? LEGAL : BODY;
      flow.text(block.text, style);
      flow.y -= 6;
      return;
    }
    case 'bullets':
      return drawList(flow, block.items, false);
    case 'steps':
      return drawList(flow, block.items, true);
    case 'callout':
      return drawCallout(flow, block.title, block.paragraphs);
    case 'panel':
      return drawPanel(flow, block.title, block.rows);
    case 'table':
      return drawTable(flow, block.columns, block.rows);
    case 'fields':
      return drawFields(flow, block.fields);
    case 'charBoxes':
      return drawCharBoxes(flow, block);
    case 'checkboxes':
      return drawCheckboxes(flow, block);
    case 'signature':
      return drawSignature(flow, block);
    case 'band':
      return drawBand(flow, block.text);
    case 'columns':
      return drawColumns(flow, block);
    case 'message':
      return drawMessage(flow, block.blocks);
    case 'spacer':
      flow.y -= block.height;
      return;
    case 'pageBreak':
      if (!flow.atTopOfPage) flow.newPage();
      return;
  }
}

// ---------------------------------------------------------------------------------------
// Title page, header band, running header and footer

const BRAND_LINE = `${SCHEME.name} · ${SCHEME.insurer}`;

function drawTitlePage(flow: Flow, document: PracticalDocument): void {
  const { page, fonts } = flow;
  const bandHeight = 290;
  page.drawRectangle({
    x: 0,
    y: PAGE_HEIGHT - bandHeight,
    width: PAGE_WIDTH,
    height: bandHeight,
    color: COLOR.brand,
  });
  put(page, BRAND_LINE.toUpperCase(), {
    x: LEFT,
    y: PAGE_HEIGHT - 70,
    size: 10,
    font: fonts.bold,
    color: COLOR.brandLight,
  });
  put(page, frenchSpacing(CATEGORY_TITLES[document.category]), {
    x: LEFT,
    y: PAGE_HEIGHT - 86,
    size: 10,
    font: fonts.regular,
    color: COLOR.brandLight,
  });
  const titleStyle: TextStyle = { size: 28, leading: 34, color: COLOR.white, bold: true };
  const titleLines = wrap(document.title, WIDTH, titleStyle, fonts);
  flow.y = PAGE_HEIGHT - 150;
  flow.drawLines(titleLines, LEFT, titleStyle, { breakable: false });
  flow.y -= 8;
  flow.drawLines(wrap(document.subtitle, WIDTH, { size: 13, leading: 17, color: COLOR.white }, fonts), LEFT, {
    size: 13,
    leading: 17,
    color: COLOR.white,
  });
  put(page, `Version du ${frenchDate(document.version)}`, {
    x: LEFT,
    y: PAGE_HEIGHT - bandHeight + 24,
    size: 9.5,
    font: fonts.regular,
    color: COLOR.brandLight,
  });
  flow.y = PAGE_HEIGHT - bandHeight - 32;
  flow.text(document.coverText ?? document.description, { size: 11, leading: 15.5, color: COLOR.text });
  flow.y -= 18;
}

/** The contents, drawn once every section's page is known. */
function drawContents(flow: Flow, top: number, pageNumberOffset: number): void {
  const page = flow.pages[0]!;
  const { fonts } = flow;
  const entries = flow.sections;
  const available = top - BOTTOM - 30;
  const leading = Math.min(21, available / Math.max(entries.length, 1));
  put(page, 'Sommaire', { x: LEFT, y: top - 15, size: 15, font: fonts.bold, color: COLOR.brand });
  page.drawLine({
    start: { x: LEFT, y: top - 21 },
    end: { x: LEFT + 48, y: top - 21 },
    thickness: 2,
    color: COLOR.brandLight,
  });
  let y = top - 44;
  entries.forEach((entry, index) => {
    const title = frenchSpacing(entry.title);
    const number = String(entry.pageIndex + pageNumberOffset);
    const size = 10.5;
    const numberWidth = fonts.bold.widthOfTextAtSize(number, size);
    const indexText = `${index + 1}`.padStart(2, ' ');
    put(page, indexText, { x: LEFT, y, size, font: fonts.bold, color: COLOR.brand });
    put(page, title, { x: LEFT + 22, y, size, font: fonts.regular, color: COLOR.text });
    const titleEnd = LEFT + 22 + fonts.regular.widthOfTextAtSize(title, size) + 6;
    const numberX = RIGHT - numberWidth;
    // Dot leaders between the title and its page number.
    const dotWidth = fonts.regular.widthOfTextAtSize('.', size) + 2.2;
    for (let x = titleEnd; x + dotWidth < numberX - 4; x += dotWidth) {
      put(page, '.', { x, y, size, font: fonts.regular, color: COLOR.rule });
    }
    put(page, number, { x: numberX, y, size, font: fonts.bold, color: COLOR.text });
    y -= leading;
  });
}

function drawHeaderBand(flow: Flow, document: PracticalDocument): void {
  const { page, fonts } = flow;
  const height = 84;
  page.drawRectangle({ x: 0, y: PAGE_HEIGHT - height, width: PAGE_WIDTH, height, color: COLOR.brand });
  put(page, BRAND_LINE.toUpperCase(), {
    x: LEFT,
    y: PAGE_HEIGHT - 32,
    size: 8.5,
    font: fonts.bold,
    color: COLOR.brandLight,
  });
  put(page, frenchSpacing(document.title), {
    x: LEFT,
    y: PAGE_HEIGHT - 56,
    size: 20,
    font: fonts.bold,
    color: COLOR.white,
  });
  put(page, frenchSpacing(document.subtitle), {
    x: LEFT,
    y: PAGE_HEIGHT - 73,
    size: 10.5,
    font: fonts.regular,
    color: COLOR.white,
  });
  const version = `Version du ${frenchDate(document.version)}`;
  put(page, version, {
    x: RIGHT - fonts.regular.widthOfTextAtSize(version, 8.5),
    y: PAGE_HEIGHT - 32,
    size: 8.5,
    font: fonts.regular,
    color: COLOR.brandLight,
  });
  flow.y = PAGE_HEIGHT - height - 16;
}

function drawRunningHeaderAndFooter(flow: Flow, document: PracticalDocument): void {
  const { fonts } = flow;
  const total = flow.pages.length;
  flow.pages.forEach((page, index) => {
    if (index > 0) {
      const left = `${SCHEME.name} — ${frenchSpacing(document.title)}`;
      const right = CATEGORY_TITLES[document.category];
      put(page, left, { x: LEFT, y: PAGE_HEIGHT - 40, size: 8, font: fonts.bold, color: COLOR.brand });
      put(page, right, {
        x: RIGHT - fonts.regular.widthOfTextAtSize(right, 8),
        y: PAGE_HEIGHT - 40,
        size: 8,
        font: fonts.regular,
        color: COLOR.muted,
      });
      page.drawLine({
        start: { x: LEFT, y: PAGE_HEIGHT - 46 },
        end: { x: RIGHT, y: PAGE_HEIGHT - 46 },
        thickness: 0.5,
        color: COLOR.rule,
      });
    }
    page.drawLine({ start: { x: LEFT, y: 44 }, end: { x: RIGHT, y: 44 }, thickness: 0.5, color: COLOR.rule });
    const left = `${SCHEME.legalName} — ${SCHEME.portal} — version du ${frenchDate(document.version)}`;
    put(page, left, { x: LEFT, y: 32, size: 7.5, font: fonts.regular, color: COLOR.muted });
    const number = `Page ${index + 1} / ${total}`;
    put(page, number, {
      x: RIGHT - fonts.bold.widthOfTextAtSize(number, 7.5),
      y: 32,
      size: 7.5,
      font: fonts.bold,
      color: COLOR.muted,
    });
  });
}

// ---------------------------------------------------------------------------------------

export async function renderPracticalDocument(document: PracticalDocument): Promise<Uint8Array> {
  // updateMetadata: false — pdf-lib would otherwise stamp the current time into the file.
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const versionDate = new Date(`${document.version}T00:00:00Z`);
  pdf.setTitle(document.title, { showInWindowTitleBar: true });
  pdf.setAuthor(SCHEME.legalName);
  pdf.setSubject(document.description);
  pdf.setKeywords([SCHEME.name, SCHEME.insurer, CATEGORY_TITLES[document.category]]);
  pdf.setCreator(`${SCHEME.portal} — npm run build:documents`);
  pdf.setProducer('pdf-lib');
  pdf.setLanguage('fr-FR');
  pdf.setCreationDate(versionDate);
  pdf.setModificationDate(versionDate);

  const fonts: Fonts = {
    regular: await pdf.embedFont(StandardFonts.Helvetica),
    bold: await pdf.embedFont(StandardFonts.HelveticaBold),
  };
  const flow = new Flow(pdf, fonts);
  flow.newPage();
  let contentsTop: number | undefined;
  if (document.layout === 'guide') {
    drawTitlePage(flow, document);
    contentsTop = flow.y;
    flow.newPage();
  } else {
    drawHeaderBand(flow, document);
  }
  drawBlocks(flow, document.blocks);
  if (contentsTop !== undefined && sectionTitles(document).length > 0) drawContents(flow, contentsTop, 1);
  drawRunningHeaderAndFooter(flow, document);
  await writeGlyphWidths(pdf, [fonts.regular, fonts.bold]);
  return pdf.save();
}
