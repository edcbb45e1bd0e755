import type { FieldProblem } from '../api/api-failure.js';

/** What the server said is wrong with the draft, read by the control that edits each field. */
export interface FieldProblems {
  /** The problem(s) with exactly this field (e.g. `businessHours.timeZone`), as a sentence; undefined when fine. */
  at(field: string): string | undefined;
  /** Problems at this path or below it (`keywordRules[0]` also finds `keywordRules[0].text`). */
  under(path: string): FieldProblem[];
  /** Problems no control on the form shows beside it, as "field: problem" lines for the save bar. */
  elsewhere: string[];
  count: number;
}

/** The fields the form shows a message beside; anything else goes to the save bar. */
const SHOWN = [
  /^texts\.(ANONYMOUS_VISITOR|CONTACT|MEMBER)$/,
  /^(cooldownHours|quietWhileBusinessMinutes)$/,
  /^businessHours\.(timeZone|awayText)$/,
  /^businessHours\.weekly\.(mon|tue|wed|thu|fri|sat|sun)(\[\d+\](\.(from|to))?)?$/,
  /^keywordRules(\[\d+\](\.(keywords|text))?)?$/,
];

export const NO_PROBLEMS: FieldProblems = fieldProblems([]);

export function fieldProblems(problems: FieldProblem[]): FieldProblems {
  return {
    at(field) {
      const here = problems.filter((p) => p.field === field).map((p) => p.problem);
      return here.length ? sentence(here.join('; ')) : undefined;
    },
    under: (path) => problems.filter((p) => p.field === path || p.field.startsWith(`${path}.`) || p.field.startsWith(`${path}[`)),
    elsewhere: problems.filter((p) => !SHOWN.some((shown) => shown.test(p.field))).map((p) => `${p.field}: ${p.problem}`),
    count: problems.length,
  };
}

/** "must be text" → "Must be text." */
export function sentence(problem: string): string {
  const text = problem.charAt(0).toUpperCase() + problem.slice(1);
  return /[.!?)]$/.test(text) ? text : `${text}.`;
}
