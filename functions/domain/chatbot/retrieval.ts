import MiniSearch, { type SearchResult } from 'minisearch';
import { analyse, smallTalkOf } from './french-text';
import type { Audience, KnowledgeEntry } from './knowledge-base';

/**
 * Answer selection. BM25 (MiniSearch, with fuzzy and prefix matching) over each entry's title,
 * example questions, keywords and text, all analysed by french-text.ts, then:
 * - coverage: the share of the question's information (terms weighed by rarity) an entry
 *   matches — a question about the weather that shares one word with an answer covers little;
 * - nearest example: a question worded like one of an entry's examples leans to that entry;
 * - context: before login connection help, after login portal features, the current page;
 * - out-of-scope entries (payroll, weather…) catch what the assistant must not answer.
 * The best entry is kept only when its confidence clears a threshold calibrated on the
 * evaluation set (tests/unit/chatbot/evaluation-set.ts, `npx tsx bench/chatbot-eval.ts`);
 * below it the assistant says it does not know and offers the contact form and the phone line.
 */
export interface ChatbotContext {
  readonly signedIn: boolean;
  /** The SPA page the question was asked from (location.pathname). */
  readonly page?: string;
}

export interface Selection {
  /** The chosen entry, or null when no entry is good enough. */
  readonly entry: KnowledgeEntry | null;
  /** 0–1: how sure the choice is (that of the best candidate when none was chosen). */
  readonly confidence: number;
  /** Other entries close enough to be offered as "did you mean…", best first. */
  readonly nearMisses: readonly KnowledgeEntry[];
  /** The out-of-scope entry, when the question is clearly about something else. */
  readonly outOfScope: KnowledgeEntry | null;
}

/** One entry's standing for a question (for tuning and tests). */
export interface RankedEntry {
  readonly entry: KnowledgeEntry;
  /** BM25 score × context factor. */
  readonly score: number;
  /** 0–1: share of the question's information the entry matches. */
  readonly coverage: number;
  readonly confidence: number;
}

export interface ChatbotIndex {
  select(question: string, context: ChatbotContext): Selection;
  rank(question: string, context: ChatbotContext): RankedEntry[];
  readonly entryCount: number;
  readonly vocabularySize: number;
}

const FIELDS = ['title', 'questions', 'keywords', 'text'] as const;

export interface RetrievalTuning {
  readonly boost: Readonly<Record<(typeof FIELDS)[number], number>>;
  readonly fuzzyMinLength: number;
  readonly fuzziness: number;
  readonly maxFuzzy: number;
  readonly prefixMinLength: number;
  readonly audienceFactor: Readonly<Record<'signedOut' | 'signedIn', Readonly<Record<Audience, number>>>>;
  readonly pageFactor: number;
  readonly scoreScale: number;
  readonly offTopicWeight: number;
  readonly exampleBoost: number;
  readonly threshold: number;
  readonly nearMiss: number;
}

/**
 * The tuning, in one place, chosen by a grid search on the evaluation set (the values sit in
 * the middle of a plateau, not on a peak). Boosts: example questions and keywords are
 * written to be matched; the answer text is long and mentions neighbouring topics.
 */
export const RETRIEVAL_TUNING: RetrievalTuning = {
  boost: { title: 2, questions: 2, keywords: 2, text: 0.6 },
  /** Fuzzy matching from 5 letters (one typo), two typos from 10 letters. */
  fuzzyMinLength: 5,
  fuzziness: 0.2,
  maxFuzzy: 2,
  prefixMinLength: 4,
  /** Context: before login, connection help wins ties; after login, portal features do. */
  audienceFactor: {
    signedOut: { visitor: 1.3, member: 0.75, everyone: 1 },
    signedIn: { visitor: 0.8, member: 1.15, everyone: 1 },
  },
  pageFactor: 1.15,
  /** Score at which the strength of a match reaches 63 % (1 − 1/e). */
  scoreScale: 20,
  /**
   * A word of the question that the knowledge base knows only from its out-of-scope entries
   * ("métro", "fiche de paie") is evidence against any real answer that misses it: it weighs
   * this much more in that answer's coverage.
   */
  offTopicWeight: 2,
  /**
   * Nearest example: how much a question worded like one of an entry's example questions
   * (Jaccard similarity of their terms) adds to that entry's relevance. BM25 alone favours
   * entries that repeat a word in every field; the examples say what each entry is for.
   */
  exampleBoost: 1,
  /** Below this, "I don't know" (with the contact form and the phone line) is the answer. */
  threshold: 0.35,
  /** Entries above this (but not chosen) are offered as suggestions. */
  nearMiss: 0.15,
};

/** An entry as MiniSearch stores it: each field already analysed, terms joined by spaces. */
interface IndexedEntry {
  id: string;
  title: string;
  questions: string;
  keywords: string;
  text: string;
}

interface AnalysedEntry {
  readonly entry: KnowledgeEntry;
  readonly fields: Readonly<Record<(typeof FIELDS)[number], readonly string[]>>;
  /** The example phrasings (prompt, title, questions), each as a set of terms. */
  readonly examples: readonly ReadonlySet<string>[];
}

/** Every text of an entry analysed once (the slow part of the build), reused everywhere. */
function analyseEntry(entry: KnowledgeEntry): AnalysedEntry {
  const title = analyse(entry.title);
  const questions = entry.questions.map((question) => analyse(question));
  return {
    entry,
    fields: {
      title,
      questions: questions.flat(),
      // One pass over all keywords (a line each): far fewer calls than one per keyword.
      keywords: analyse(entry.keywords.join('\n')),
      text: analyse(entry.text),
    },
    examples: [analyse(entry.prompt), title, ...questions].map((terms) => new Set(terms)),
  };
}

const splitTerms = (terms: string) => terms.split(' ').filter(Boolean);

/**
 * Builds the index once per Lambda container (cold start): the knowledge base is data,
 * analysed and indexed in memory. The handler logs what it cost ("Chatbot index built").
 */
export function buildChatbotIndex(
  entries: readonly KnowledgeEntry[],
  tuning: RetrievalTuning = RETRIEVAL_TUNING,
): ChatbotIndex {
  const analysed = entries.filter((entry) => !entry.smallTalk).map(analyseEntry);
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const smallTalk = new Map(
    entries.filter((entry) => entry.smallTalk).map((entry) => [entry.smallTalk!, entry]),
  );

  // Document frequency of each term, to weigh how much of a question an entry covers.
  const documentFrequency = new Map<string, number>();
  const inScopeTerms = new Set<string>();
  for (const { entry, fields } of analysed) {
    for (const term of new Set(FIELDS.flatMap((field) => fields[field]))) {
      documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
      if (!entry.outOfScope) inScopeTerms.add(term);
    }
  }
  const vocabulary: ReadonlySet<string> = new Set(documentFrequency.keys());
  const offTopic = (term: string) => vocabulary.has(term) && !inScopeTerms.has(term);
  const examples = new Map(analysed.map(({ entry, examples: sets }) => [entry.id, sets]));
  const nearestExample = (entry: KnowledgeEntry, terms: ReadonlySet<string>): number => {
    let best = 0;
    for (const example of examples.get(entry.id) ?? []) {
      let shared = 0;
      for (const term of example) if (terms.has(term)) shared++;
      const union = example.size + terms.size - shared;
      if (union > 0) best = Math.max(best, shared / union);
    }
    return best;
  };
  const entryCount = analysed.length;
  const idf = (term: string) => Math.log(1 + entryCount / (documentFrequency.get(term) ?? 0.5));

  const miniSearch = new MiniSearch<IndexedEntry>({
    fields: [...FIELDS],
    idField: 'id',
    // Documents and queries arrive already analysed (french-text.ts): split, keep as is.
    tokenize: splitTerms,
    processTerm: (term) => term,
    searchOptions: {
      tokenize: splitTerms,
      processTerm: (term) => term,
      boost: { ...tuning.boost },
      combineWith: 'OR',
      prefix: (term) => term.length >= tuning.prefixMinLength && !/^\d+$/.test(term),
      fuzzy: (term) =>
        term.length >= tuning.fuzzyMinLength && !/^\d+$/.test(term) ? tuning.fuzziness : false,
      maxFuzzy: tuning.maxFuzzy,
    },
  });
  miniSearch.addAll(
    analysed.map(({ entry, fields }) => ({
      id: entry.id,
      title: fields.title.join(' '),
      questions: fields.questions.join(' '),
      keywords: fields.keywords.join(' '),
      text: fields.text.join(' '),
    })),
  );

  const contextFactor = (entry: KnowledgeEntry, context: ChatbotContext): number => {
    const audience = tuning.audienceFactor[context.signedIn ? 'signedIn' : 'signedOut'][entry.audience];
    const page = context.page && entry.pages?.includes(context.page) ? tuning.pageFactor : 1;
    return audience * page;
  };

  /**
   * Confidence = coverage × strength. Coverage: the share of the question's information (terms
   * weighed by rarity; words the knowledge base has never seen weigh the most) that the entry
   * matches. Strength: the BM25 score, brought into 0–1.
   */
  const rankTerms = (terms: readonly string[], context: ChatbotContext): RankedEntry[] => {
    const termSet = new Set(terms);
    return (
      miniSearch
        .search(terms.join(' '))
        .map((result: SearchResult) => {
          const entry = byId.get(result.id as string)!;
          const matched = new Set(result.queryTerms);
          let covered = 0;
          let total = 0;
          for (const term of terms) {
            const hit = matched.has(term);
            const weight =
              idf(term) * (!hit && !entry.outOfScope && offTopic(term) ? tuning.offTopicWeight : 1);
            total += weight;
            if (hit) covered += weight;
          }
          const coverage = total === 0 ? 0 : covered / total;
          const score = result.score * contextFactor(entry, context);
          const strength = 1 - Math.exp(-score / tuning.scoreScale);
          const example = 1 + tuning.exampleBoost * nearestExample(entry, termSet);
          return {
            entry,
            score,
            coverage,
            relevance: coverage * score * example,
            confidence: coverage * strength,
          };
        })
        // Ranked on the unsaturated relevance: two strong matches must not tie at confidence 1.
        .sort((a, b) => b.relevance - a.relevance)
        .map(({ relevance: _relevance, ...ranked }) => ranked)
    );
  };

  const termsOf = (question: string) => [...new Set(analyse(question, { vocabulary }))];

  const select = (question: string, context: ChatbotContext): Selection => {
    const terms = termsOf(question);
    if (terms.length === 0) {
      const politeness = smallTalkOf(question);
      const entry = politeness ? (smallTalk.get(politeness) ?? null) : null;
      return { entry, confidence: entry ? 1 : 0, nearMisses: [], outOfScope: null };
    }
    const ranked = rankTerms(terms, context);
    const inScope = ranked.filter((candidate) => !candidate.entry.outOfScope);
    const best = inScope[0];
    const confidence = best ? Math.round(best.confidence * 100) / 100 : 0;
    const top = ranked[0];
    if (top?.entry.outOfScope) {
      const outOfScope = top.confidence >= tuning.threshold ? top.entry : null;
      return { entry: null, confidence, nearMisses: [], outOfScope };
    }
    if (!best) return { entry: null, confidence: 0, nearMisses: [], outOfScope: null };
    const entry = best.confidence >= tuning.threshold ? best.entry : null;
    const nearMisses = inScope
      .filter((candidate) => candidate.entry !== entry && candidate.confidence >= tuning.nearMiss)
      .map((candidate) => candidate.entry);
    return { entry, confidence, nearMisses, outOfScope: null };
  };

  const rank = (question: string, context: ChatbotContext) => rankTerms(termsOf(question), context);

  return { select, rank, entryCount, vocabularySize: vocabulary.size };
}
