/**
 * The "Mes documents pratiques" documents as data: what each one says, in blocks a renderer
 * lays out (functions/adapters/pdf/documents.ts). The words live here, in the repository,
 * reviewed like code; the PDFs are built from them (npm run build:documents).
 *
 * Inline text may mark bold runs with `**…**`. Every character must be encodable in
 * WinAnsi (the standard PDF fonts): French accents, ’ « » — – • € … œ are fine; arrows,
 * ≤ or check marks are not (a unit test renders every document to prove it).
 */

export const DOCUMENT_CATEGORIES = ['salaries', 'guides'] as const;
export type DocumentCategory = (typeof DOCUMENT_CATEGORIES)[number];

/** The page's two groups, in the user guide's words. */
export const CATEGORY_TITLES: Record<DocumentCategory, string> = {
  salaries: 'Documents utiles salariés',
  guides: 'Guides pratiques',
};

export type Block =
  /** Level 1 starts a section (listed in the guide's contents); 2 and 3 are sub-headings. */
  | { readonly kind: 'heading'; readonly level: 1 | 2 | 3; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string; readonly tone?: 'normal' | 'small' | 'legal' }
  | { readonly kind: 'bullets'; readonly items: readonly string[] }
  /** Numbered steps, 1. 2. 3. */
  | { readonly kind: 'steps'; readonly items: readonly string[] }
  /** A framed box that stands out (a tip, a warning, the legal wording). */
  | { readonly kind: 'callout'; readonly title?: string; readonly paragraphs: readonly string[] }
  /** Label / value pairs in a frame (a creditor's identity, an e-mail's headers). */
  | { readonly kind: 'panel'; readonly title?: string; readonly rows: readonly PanelRow[] }
  | {
      readonly kind: 'table';
      readonly columns: readonly { readonly header: string; readonly width: number }[];
      readonly rows: readonly (readonly string[])[];
    }
  /** A row of blank fields to fill in by hand; widths are fractions of the line. */
  | { readonly kind: 'fields'; readonly fields: readonly FormField[] }
  /** One box per character (IBAN, BIC), grouped by `groupOf`. */
  | {
      readonly kind: 'charBoxes';
      readonly label: string;
      readonly count: number;
      readonly groupOf: number;
      readonly hint?: string;
    }
  | {
      readonly kind: 'checkboxes';
      readonly label: string;
      readonly options: readonly { readonly label: string; readonly checked: boolean }[];
    }
  /** A box to sign in; with `placeAndDate`, the "Fait à" and "Le" fields stand on its left. */
  | {
      readonly kind: 'signature';
      readonly label: string;
      readonly hint?: string;
      readonly placeAndDate?: boolean;
    }
  /** Form blocks side by side (e.g. the BIC next to the payment type); widths are fractions. */
  | {
      readonly kind: 'columns';
      readonly columns: readonly { readonly width: number; readonly blocks: readonly ColumnBlock[] }[];
    }
  /** The body of a message (an e-mail template), set apart from the text around it. */
  | { readonly kind: 'message'; readonly blocks: readonly Block[] }
  /** A form section title: a coloured band across the page. */
  | { readonly kind: 'band'; readonly text: string }
  | { readonly kind: 'spacer'; readonly height: number }
  | { readonly kind: 'pageBreak' };

export type ColumnBlock = Extract<Block, { kind: 'fields' | 'charBoxes' | 'checkboxes' | 'paragraph' }>;

export interface PanelRow {
  readonly label: string;
  readonly value: string;
}

export interface FormField {
  readonly label: string;
  /** Fraction of the line width (the fields of a row add up to 1 or less). */
  readonly width: number;
  /** Printed in the box (e.g. a value the creditor fills in, or a fixed value). */
  readonly value?: string;
  /** Shaded: completed by the creditor, not by the signatory. */
  readonly reserved?: boolean;
}

export interface PracticalDocument {
  /** URL-safe slug, also the file name (`<id>.pdf`). */
  readonly id: string;
  readonly title: string;
  readonly category: DocumentCategory;
  /** One or two sentences, shown in the list of documents. */
  readonly description: string;
  /** ISO date of this version of the content: the PDF's dates and the list's "mis à jour le". */
  readonly version: string;
  /**
   * `guide`: a title page with the contents, then the sections; `form`: a header band on the
   * first page and the blocks right below (a form or a template fits on few pages).
   */
  readonly layout: 'guide' | 'form';
  /** Under the title (title page or header band). */
  readonly subtitle: string;
  /** The title page's opening words, when the reader is not the employer the list speaks to. */
  readonly coverText?: string;
  readonly blocks: readonly Block[];
}

/** The headings that open a section, in order: a guide's contents. */
export const sectionTitles = (document: PracticalDocument): string[] =>
  document.blocks.flatMap((block) => (block.kind === 'heading' && block.level === 1 ? [block.text] : []));
