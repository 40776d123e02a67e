import { PDFDocument, StandardFonts, rgb, type Color, type PDFFont, type PDFPage } from 'pdf-lib';
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
    for (const segment of segments) segment.width = font(segment.bold).widthOfTextAtSize(segment.text, style.size);
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
  /** Level-1 headings and the page (0-based) each starts on: the contents. */
  readonly sections: { title: string; pageIndex: number }[] = [];

  constructor(
    private readonly pdf: PDFDocument,
    readonly fonts: Fonts,
  ) {}

  newPage(): void {
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
  drawLines(lines: Line[], x: number, style: TextStyle, options: { color?: Color; breakable?: boolean } = {}): void {
    for (const line of lines) {
      if (options.breakable !== false) this.ensure(style.leading);
      let cursor = x;
      const baseline = this.y - style.size;
      for (const segment of line) {
        this.page.drawText(segment.text, {
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

  text(text: string, style: TextStyle, x = LEFT, width = RIGHT - x): void {
    this.drawLines(wrap(text, width, style, this.fonts), x, style);
  }
}

// ---------------------------------------------------------------------------------------
// Blocks

const HEADING_STYLES: Record<1 | 2 | 3, TextStyle & { before: number; after: number }> = {
  1: { size: 15, leading: 19, color: COLOR.brand, bold: true, before: 18, after: 6 },
  2: { size: 11.5, leading: 15, color: COLOR.brand, bold: true, before: 10, after: 3 },
  3: { size: 10.5, leading: 14, color: COLOR.text, bold: true, before: 8, after: 2 },
};

function drawHeading(flow: Flow, level: 1 | 2 | 3, text: string): void {
  const style = HEADING_STYLES[level];
  const lines = wrap(text, WIDTH, style, flow.fonts);
  // Keep a heading with at least three lines of what follows.
  flow.space(style.before);
  flow.ensure(lines.length * style.leading + style.after + 3 * BODY.leading);
  if (level === 1) flow.sections.push({ title: text, pageIndex: flow.pages.length - 1 });
  flow.drawLines(lines, LEFT, style, { breakable: false });
  if (level === 1) {
    flow.page.drawLine({
      start: { x: LEFT, y: flow.y + 1 },
      end: { x: LEFT + 48, y: flow.y + 1 },
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
    const lines = wrap(item, WIDTH - indent, BODY, flow.fonts);
    flow.ensure(Math.min(lines.length, 2) * BODY.leading);
    const baseline = flow.y - BODY.size;
    if (numbered) {
      flow.page.drawText(`${index + 1}.`, {
        x: LEFT + 2,
        y: baseline,
        size: BODY.size,
        font: flow.fonts.bold,
        color: COLOR.brand,
      });
    } else {
      flow.page.drawText('•', { x: LEFT + 4, y: baseline, size: BODY.size, font: flow.fonts.bold, color: COLOR.brand });
    }
    flow.drawLines(lines, LEFT + indent, BODY);
    flow.y -= 3;
  });
  flow.y -= 4;
}

function drawCallout(flow: Flow, title: string | undefined, paragraphs: readonly string[]): void {
  const padding = 10;
  const innerX = LEFT + padding + 4;
  const innerWidth = WIDTH - 2 * padding - 4;
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
  flow.page.drawRectangle({ x: LEFT, y: top - height, width: WIDTH, height, color: COLOR.tint });
  flow.page.drawRectangle({ x: LEFT, y: top - height, width: 3, height, color: COLOR.brand });
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
  const labelWidth = 150;
  const padding = 5;
  const style: TextStyle = { size: 9.5, leading: 12.5, color: COLOR.text };
  const labelStyle: TextStyle = { ...style, bold: true, color: COLOR.brand };
  if (title) drawHeading(flow, 3, title);
  const measured = rows.map((row) => {
    const label = wrap(row.label, labelWidth - 2 * padding, labelStyle, flow.fonts);
    const value = wrap(row.value, WIDTH - labelWidth - 2 * padding, style, flow.fonts);
    return { label, value, height: Math.max(label.length, value.length) * style.leading + 2 * padding };
  });
  flow.space(2);
  flow.ensure(measured.reduce((sum, row) => sum + row.height, 0));
  const top = flow.y;
  for (const row of measured) {
    const rowTop = flow.y;
    flow.page.drawRectangle({ x: LEFT, y: rowTop - row.height, width: labelWidth, height: row.height, color: COLOR.tint });
    flow.y = rowTop - padding;
    flow.drawLines(row.label, LEFT + padding, labelStyle, { breakable: false });
    flow.y = rowTop - padding;
    flow.drawLines(row.value, LEFT + labelWidth + padding, style, { breakable: false });
    flow.y = rowTop - row.height;
    flow.page.drawLine({ start: { x: LEFT, y: flow.y }, end: { x: RIGHT, y: flow.y }, thickness: 0.5, color: COLOR.rule });
  }
  flow.page.drawRectangle({
    x: LEFT,
    y: flow.y,
    width: WIDTH,
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
  const widths = columns.map((column) => column.width * WIDTH);
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
    let x = LEFT;
    row.lines.forEach((cell, index) => {
      const width = widths[index]!;
      if (fill) flow.page.drawRectangle({ x, y: rowTop - row.height, width, height: row.height, color: fill });
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

const FIELD_HEIGHT = 22;
const FIELD_GAP = 10;

function drawFields(flow: Flow, fields: readonly FormField[]): void {
  const totalGap = FIELD_GAP * (fields.length - 1);
  flow.ensure(LABEL.leading + FIELD_HEIGHT + 8);
  const top = flow.y;
  let x = LEFT;
  for (const field of fields) {
    const width = field.width * (WIDTH - totalGap);
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
      flow.page.drawText(frenchSpacing(field.value), {
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

function drawCharBoxes(flow: Flow, block: Extract<Block, { kind: 'charBoxes' }>): void {
  const groupGap = 5;
  const groups = Math.ceil(block.count / block.groupOf);
  const size = Math.min(16, (WIDTH - groupGap * (groups - 1)) / block.count);
  const labelStyle: TextStyle = { ...LABEL, size: 8.5, color: COLOR.text, bold: true };
  const hintLines = block.hint ? wrap(block.hint, WIDTH, LABEL, flow.fonts) : [];
  flow.ensure(labelStyle.leading + size + 4 + hintLines.length * LABEL.leading + 8);
  flow.drawLines(wrap(block.label, WIDTH, labelStyle, flow.fonts), LEFT, labelStyle, { breakable: false });
  const top = flow.y - 1;
  for (let index = 0; index < block.count; index++) {
    const x = LEFT + index * size + Math.floor(index / block.groupOf) * groupGap;
    flow.page.drawRectangle({
      x,
      y: top - size - 2,
      width: size,
      height: size + 2,
      borderColor: COLOR.muted,
      borderWidth: 0.6,
    });
  }
  flow.y = top - size - 2 - 3;
  flow.drawLines(hintLines, LEFT, LABEL, { breakable: false });
  flow.y -= 6;
}

function drawCheckboxes(flow: Flow, block: Extract<Block, { kind: 'checkboxes' }>): void {
  const box = 9;
  const labelStyle: TextStyle = { ...LABEL, size: 8.5, color: COLOR.text, bold: true };
  flow.ensure(labelStyle.leading + BODY.leading + 8);
  flow.drawLines(wrap(block.label, WIDTH, labelStyle, flow.fonts), LEFT, labelStyle, { breakable: false });
  const baseline = flow.y - BODY.size - 1;
  let x = LEFT;
  for (const option of block.options) {
    flow.page.drawRectangle({ x, y: baseline - 1, width: box, height: box, borderColor: COLOR.text, borderWidth: 0.8 });
    if (option.checked) {
      const line = { thickness: 1.2, color: COLOR.brand };
      flow.page.drawLine({ start: { x: x + 1.5, y: baseline + 0.5 }, end: { x: x + box - 1.5, y: baseline + box - 2.5 }, ...line });
      flow.page.drawLine({ start: { x: x + 1.5, y: baseline + box - 2.5 }, end: { x: x + box - 1.5, y: baseline + 0.5 }, ...line });
    }
    const label = frenchSpacing(option.label);
    flow.page.drawText(label, { x: x + box + 5, y: baseline, size: BODY.size, font: flow.fonts.regular, color: COLOR.text });
    x += box + 5 + flow.fonts.regular.widthOfTextAtSize(label, BODY.size) + 28;
  }
  flow.y = baseline - 10;
}

function drawSignature(flow: Flow, label: string, hint: string | undefined): void {
  const height = 62;
  const hintLines = hint ? wrap(hint, WIDTH, LABEL, flow.fonts) : [];
  flow.ensure(LABEL.leading + height + hintLines.length * LABEL.leading + 10);
  const labelStyle: TextStyle = { ...LABEL, size: 8.5, color: COLOR.text, bold: true };
  flow.drawLines(wrap(label, WIDTH, labelStyle, flow.fonts), LEFT, labelStyle, { breakable: false });
  flow.page.drawRectangle({
    x: LEFT,
    y: flow.y - 1 - height,
    width: WIDTH,
    height,
    borderColor: COLOR.muted,
    borderWidth: 0.75,
  });
  flow.y -= height + 4;
  flow.drawLines(hintLines, LEFT, LABEL, { breakable: false });
  flow.y -= 6;
}

function drawBand(flow: Flow, text: string): void {
  const height = 18;
  flow.space(6);
  flow.ensure(height + 3 * FIELD_HEIGHT);
  flow.page.drawRectangle({ x: LEFT, y: flow.y - height, width: WIDTH, height, color: COLOR.brand });
  flow.page.drawText(frenchSpacing(text).toUpperCase(), {
    x: LEFT + 7,
    y: flow.y - height + 5.5,
    size: 9,
    font: flow.fonts.bold,
    color: COLOR.white,
  });
  flow.y -= height + 8;
}

function drawBlock(flow: Flow, block: Block): void {
  switch (block.kind) {
    case 'heading':
      return drawHeading(flow, block.level, block.text);
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
      return drawSignature(flow, block.label, block.hint);
    case 'band':
      return drawBand(flow, block.text);
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
  page.drawRectangle({ x: 0, y: PAGE_HEIGHT - bandHeight, width: PAGE_WIDTH, height: bandHeight, color: COLOR.brand });
  page.drawText(BRAND_LINE.toUpperCase(), { x: LEFT, y: PAGE_HEIGHT - 70, size: 10, font: fonts.bold, color: COLOR.brandLight });
  page.drawText(frenchSpacing(CATEGORY_TITLES[document.category]), {
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
  page.drawText(`Version du ${frenchDate(document.version)}`, {
    x: LEFT,
    y: PAGE_HEIGHT - bandHeight + 24,
    size: 9.5,
    font: fonts.regular,
    color: COLOR.brandLight,
  });
  flow.y = PAGE_HEIGHT - bandHeight - 32;
  flow.text(document.description, { size: 11, leading: 15.5, color: COLOR.text });
  flow.y -= 18;
}

/** The contents, drawn once every section's page is known. */
function drawContents(flow: Flow, top: number, pageNumberOffset: number): void {
  const page = flow.pages[0]!;
  const { fonts } = flow;
  const entries = flow.sections;
  const available = top - BOTTOM - 30;
  const leading = Math.min(21, available / Math.max(entries.length, 1));
  page.drawText('Sommaire', { x: LEFT, y: top - 15, size: 15, font: fonts.bold, color: COLOR.brand });
  page.drawLine({ start: { x: LEFT, y: top - 21 }, end: { x: LEFT + 48, y: top - 21 }, thickness: 2, color: COLOR.brandLight });
  let y = top - 44;
  entries.forEach((entry, index) => {
    const title = frenchSpacing(entry.title);
    const number = String(entry.pageIndex + pageNumberOffset);
    const size = 10.5;
    const numberWidth = fonts.bold.widthOfTextAtSize(number, size);
    const indexText = `${index + 1}`.padStart(2, ' ');
    page.drawText(indexText, { x: LEFT, y, size, font: fonts.bold, color: COLOR.brand });
    page.drawText(title, { x: LEFT + 22, y, size, font: fonts.regular, color: COLOR.text });
    const titleEnd = LEFT + 22 + fonts.regular.widthOfTextAtSize(title, size) + 6;
    const numberX = RIGHT - numberWidth;
    // Dot leaders between the title and its page number.
    const dotWidth = fonts.regular.widthOfTextAtSize('.', size) + 2.2;
    for (let x = titleEnd; x + dotWidth < numberX - 4; x += dotWidth) {
      page.drawText('.', { x, y, size, font: fonts.regular, color: COLOR.rule });
    }
    page.drawText(number, { x: numberX, y, size, font: fonts.bold, color: COLOR.text });
    y -= leading;
  });
}

function drawHeaderBand(flow: Flow, document: PracticalDocument): void {
  const { page, fonts } = flow;
  const height = 96;
  page.drawRectangle({ x: 0, y: PAGE_HEIGHT - height, width: PAGE_WIDTH, height, color: COLOR.brand });
  page.drawText(BRAND_LINE.toUpperCase(), { x: LEFT, y: PAGE_HEIGHT - 32, size: 8.5, font: fonts.bold, color: COLOR.brandLight });
  page.drawText(frenchSpacing(document.title), { x: LEFT, y: PAGE_HEIGHT - 60, size: 20, font: fonts.bold, color: COLOR.white });
  page.drawText(frenchSpacing(document.subtitle), {
    x: LEFT,
    y: PAGE_HEIGHT - 80,
    size: 10.5,
    font: fonts.regular,
    color: COLOR.white,
  });
  const version = `Version du ${frenchDate(document.version)}`;
  page.drawText(version, {
    x: RIGHT - fonts.regular.widthOfTextAtSize(version, 8.5),
    y: PAGE_HEIGHT - 32,
    size: 8.5,
    font: fonts.regular,
    color: COLOR.brandLight,
  });
  flow.y = PAGE_HEIGHT - height - 20;
}

function drawRunningHeaderAndFooter(flow: Flow, document: PracticalDocument): void {
  const { fonts } = flow;
  const total = flow.pages.length;
  flow.pages.forEach((page, index) => {
    if (index > 0) {
      const left = `${SCHEME.name} — ${frenchSpacing(document.title)}`;
      const right = CATEGORY_TITLES[document.category];
      page.drawText(left, { x: LEFT, y: PAGE_HEIGHT - 40, size: 8, font: fonts.bold, color: COLOR.brand });
      page.drawText(right, {
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
    page.drawText(left, { x: LEFT, y: 32, size: 7.5, font: fonts.regular, color: COLOR.muted });
    const number = `Page ${index + 1} / ${total}`;
    page.drawText(number, {
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
  for (const block of document.blocks) drawBlock(flow, block);
  if (contentsTop !== undefined && sectionTitles(document).length > 0) drawContents(flow, contentsTop, 1);
  drawRunningHeaderAndFooter(flow, document);
  return pdf.save();
}
