/**
 * The assistant's evaluation: every question of tests/unit/chatbot/evaluation-set.ts through
 * the real pipeline (privacy guard, French analysis, retrieval, threshold), scored top-1:
 * a case counts as correct when the chosen entry is the expected one, or when a case that
 * expects the fallback gets it. `npx tsx bench/chatbot-eval.ts` prints the report; the bench
 * harness and tests/unit/chatbot/evaluation.test.ts call evaluateChatbot().
 */
import { pathToFileURL } from 'node:url';
import { createChatbot } from '../functions/use-cases/chatbot/ask-chatbot';
import { evaluationSet, type EvaluationCase } from '../tests/unit/chatbot/evaluation-set';

export interface EvaluationFailure {
  readonly question: string;
  readonly expected: string | null;
  readonly got: string | null;
  readonly confidence: number;
}

export interface ChatbotEvaluation {
  readonly total: number;
  readonly correct: number;
  /** correct / total, over answerable and out-of-scope cases alike. */
  readonly accuracy: number;
  readonly failures: readonly EvaluationFailure[];
  /** Out-of-scope cases and how many of them got the fallback. */
  readonly fallbackCases: number;
  readonly fallbackCorrect: number;
  readonly knowledgeBaseEntries: number;
  readonly indexBuildMs: number;
  /** Mean time to answer one question, index already built. */
  readonly meanAnswerMs: number;
}

export function evaluateChatbot(cases: readonly EvaluationCase[] = evaluationSet): ChatbotEvaluation {
  const chatbot = createChatbot();
  const failures: EvaluationFailure[] = [];
  let fallbackCorrect = 0;
  const started = performance.now();
  for (const { question, expected, signedIn = false } of cases) {
    const { response } = chatbot.ask({ question, context: { signedIn } });
    const got = response.answer?.id ?? null;
    if (got === expected) {
      if (expected === null) fallbackCorrect++;
    } else {
      failures.push({ question, expected, got, confidence: response.confidence });
    }
  }
  const meanAnswerMs = cases.length === 0 ? 0 : (performance.now() - started) / cases.length;
  const correct = cases.length - failures.length;
  return {
    total: cases.length,
    correct,
    accuracy: cases.length === 0 ? 0 : correct / cases.length,
    failures,
    fallbackCases: cases.filter((testCase) => testCase.expected === null).length,
    fallbackCorrect,
    knowledgeBaseEntries: chatbot.entryCount,
    indexBuildMs: chatbot.buildMs,
    meanAnswerMs,
  };
}

function printReport(evaluation: ChatbotEvaluation): void {
  const percent = (value: number) => `${(value * 100).toFixed(1)} %`;
  console.log(
    `Chatbot top-1 accuracy: ${percent(evaluation.accuracy)} (${evaluation.correct}/${evaluation.total}); ` +
      `fallback cases ${evaluation.fallbackCorrect}/${evaluation.fallbackCases}; ` +
      `${evaluation.knowledgeBaseEntries} entries indexed in ${evaluation.indexBuildMs.toFixed(1)} ms; ` +
      `${evaluation.meanAnswerMs.toFixed(2)} ms per question.`,
  );
  for (const failure of evaluation.failures) {
    console.log(
      `  ✗ "${failure.question}" → ${failure.got ?? 'fallback'} (expected ${failure.expected ?? 'fallback'}, confidence ${failure.confidence})`,
    );
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  printReport(evaluateChatbot());
