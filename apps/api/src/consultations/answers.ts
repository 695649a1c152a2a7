import { withoutSpoofingControls } from '#libs/content';
import type { QuestionRow, NewQuestion } from './consultations.repository.js';
import type { QuestionInputDto } from './dto/consultation-input.dto.js';

/** A reason the input is not valid, as a sentence for a 400. */
export class InvalidInput extends Error {}

const TEXT_MAX = 5_000;

/** The questions as stored, each checked for what its kind needs. */
export function toQuestions(input: QuestionInputDto[]): NewQuestion[] {
  return input.map((q, i) => {
    const where = `questions[${i}]`;
    const choice = q.kind === 'single' || q.kind === 'multi';
    if (choice && (!q.options || q.options.length < 2))
      throw new InvalidInput(`${where}: a ${q.kind} question needs 2–20 options`);
    if (choice && new Set(q.options).size !== q.options!.length)
      throw new InvalidInput(`${where}: options must differ`);
    if (!choice && q.options) throw new InvalidInput(`${where}: only single and multi questions have options`);
    const scale = q.kind === 'scale';
    if (!scale && (q.min !== undefined || q.max !== undefined))
      throw new InvalidInput(`${where}: only a scale has min and max`);
    const min = scale ? (q.min ?? 1) : null;
    const max = scale ? (q.max ?? 5) : null;
    if (scale && max! <= min!) throw new InvalidInput(`${where}: max must be above min`);
    return {
      kind: q.kind,
      prompt: q.prompt,
      options: choice ? q.options! : null,
      required: q.required ?? false,
      min,
      max,
    };
  });
}

/**
 * The answers checked against the questions: each question at most once, every required one
 * answered, each value of its question's type and range. Nothing is stored when anything is wrong.
 */
export function checkAnswers(
  questions: QuestionRow[],
  answers: { questionId: string; value: unknown }[],
): { questionId: string; value: string | string[] | number }[] {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const seen = new Set<string>();
  const out = answers.map(({ questionId, value }, i) => {
    const q = byId.get(questionId);
    if (!q) throw new InvalidInput(`answers[${i}].questionId is not a question of this consultation`);
    if (seen.has(questionId)) throw new InvalidInput(`answers[${i}]: the question is answered twice`);
    seen.add(questionId);
    return { questionId, value: checkValue(q, value, `answers[${i}].value`) };
  });
  const missing = questions.find((q) => q.required && !seen.has(q.id));
  if (missing) throw new InvalidInput(`answers: "${missing.prompt}" must be answered`);
  return out.filter((a) => !(typeof a.value === 'string' && a.value === ''));
}

function checkValue(q: QuestionRow, value: unknown, where: string): string | string[] | number {
  switch (q.kind) {
    case 'text': {
      if (typeof value !== 'string') throw new InvalidInput(`${where} must be text`);
      const text = withoutSpoofingControls(value).trim();
      if (text.length > TEXT_MAX) throw new InvalidInput(`${where} must be at most ${TEXT_MAX} characters`);
      if (q.required && !text) throw new InvalidInput(`${where} must not be empty`);
      return text;
    }
    case 'single':
      if (typeof value !== 'string' || !q.options!.includes(value))
        throw new InvalidInput(`${where} must be one of the options`);
      return value;
    case 'multi':
      if (
        !Array.isArray(value) ||
        value.length === 0 ||
        value.some((v) => typeof v !== 'string' || !q.options!.includes(v))
      )
        throw new InvalidInput(`${where} must be a list of the options`);
      if (new Set(value).size !== value.length) throw new InvalidInput(`${where} names an option twice`);
      return value as string[];
    case 'scale':
      if (typeof value !== 'number' || !Number.isInteger(value) || value < q.min! || value > q.max!)
        throw new InvalidInput(`${where} must be a whole number from ${q.min} to ${q.max}`);
      return value;
  }
}

/** Fewer answers than this, and the audience sees no counts for the question (a small group is a person). */
export const SMALL_COUNT = 5;

export interface QuestionResult {
  questionId: string;
  counts: Record<string, number> | null;
  mean: number | null;
  texts: string[] | null;
  answered: number;
}

/** Counts, means and free texts per question; for the audience without texts and without small counts. */
export function tally(
  questions: QuestionRow[],
  answers: { question_id: string; value: unknown }[],
  forAdmin: boolean,
): QuestionResult[] {
  return questions.map((q) => {
    const values = answers.filter((a) => a.question_id === q.id).map((a) => a.value);
    const answered = values.length;
    const hidden = !forAdmin && answered < SMALL_COUNT;
    let counts: Record<string, number> | null = null;
    let mean: number | null = null;
    if (q.kind !== 'text') {
      counts = {};
      const keys = q.kind === 'scale' ? range(q.min!, q.max!).map(String) : q.options!;
      for (const k of keys) counts[k] = 0;
      for (const v of values)
        for (const k of Array.isArray(v) ? v : [v]) counts[String(k)] = (counts[String(k)] ?? 0) + 1;
      if (q.kind === 'scale' && answered > 0) mean = (values as number[]).reduce((s, v) => s + v, 0) / answered;
    }
    return {
      questionId: q.id,
      counts: hidden ? null : counts,
      mean: hidden ? null : mean,
      texts: forAdmin && q.kind === 'text' ? (values as string[]) : null,
      answered,
    };
  });
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
