import { describe, expect, it } from 'vitest';
import { evaluateChatbot } from '../../../bench/chatbot-eval';
import { foldText } from '../../../functions/domain/chatbot/french-text';
import { knowledgeBase } from '../../../functions/domain/chatbot/knowledge-base';
import { evaluationSet } from './evaluation-set';

/** Verbatim up to case, accents and punctuation: what copying a phrasing would leave. */
const verbatim = (text: string) =>
  foldText(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

describe('evaluation of the assistant on real-world phrasings', () => {
  it('is a real evaluation set: 60+ questions, ~10 out of scope, expected answers that exist', () => {
    expect(evaluationSet.length).toBeGreaterThanOrEqual(60);
    expect(evaluationSet.filter((testCase) => testCase.expected === null).length).toBeGreaterThanOrEqual(8);
    const ids = new Set(knowledgeBase.map((entry) => entry.id));
    for (const { question, expected } of evaluationSet) {
      if (expected !== null) expect(ids, question).toContain(expected);
    }
  });

  it('does not copy the knowledge base: no question is one of its example phrasings', () => {
    const examples = new Set(
      knowledgeBase
        .filter((entry) => !entry.smallTalk)
        .flatMap((entry) => [entry.prompt, entry.title, ...entry.questions, ...entry.keywords])
        .map(verbatim),
    );
    expect(evaluationSet.filter(({ question }) => examples.has(verbatim(question)))).toEqual([]);
  });

  it('picks the expected answer first for at least 90 % of the questions', () => {
    const evaluation = evaluateChatbot();
    const report = evaluation.failures
      .map(
        (failure) =>
          `"${failure.question}" → ${failure.got ?? 'fallback'} (expected ${failure.expected ?? 'fallback'})`,
      )
      .join('\n');
    expect(evaluation.total).toBe(evaluationSet.length);
    expect(evaluation.accuracy, report).toBeGreaterThanOrEqual(0.9);
  });

  it('falls back on every out-of-scope question', () => {
    const evaluation = evaluateChatbot();
    const pretended = evaluation.failures.filter((failure) => failure.expected === null);
    expect(pretended).toEqual([]);
    expect(evaluation.fallbackCorrect).toBe(evaluation.fallbackCases);
  });
});
