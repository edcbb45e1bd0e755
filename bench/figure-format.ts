import { meetsTarget, ratioOf, type Figure } from './figures.js';

/** How figures read in the runner's output and in the README's tables (bench/readme-table.ts): the same words. */
export const TABLE_HEADER = ['what', 'app', 'floor (same run)', 'app / floor', 'target', 'met?'];

export function valueOf(value: number, unit: Figure['unit']): string {
  if (!Number.isFinite(value)) return String(value);
  const digits = Math.abs(value) >= 100 || Number.isInteger(value) ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  const number = value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  return unit === 'count' ? number : `${number} ${unit}`;
}

export function targetOf(figure: Figure): string {
  const sign = figure.better === 'lower' ? '≤' : '≥';
  const parts: string[] = [];
  if (figure.target !== undefined) parts.push(figure.floor === undefined ? `${sign} ${valueOf(figure.target, figure.unit)}` : `${sign} ${figure.target}× the floor`);
  if (figure.limit !== undefined) parts.push(`${sign} ${valueOf(figure.limit, figure.unit)}`);
  return parts.join(', ') || '—';
}

/** One figure as table cells, in TABLE_HEADER's order. */
export function cellsOf(figure: Figure): string[] {
  const ratio = ratioOf(figure);
  const judged = figure.target !== undefined || figure.limit !== undefined;
  return [
    figure.what,
    valueOf(figure.app, figure.unit),
    figure.floor === undefined ? '—' : valueOf(figure.floor, figure.unit),
    ratio === undefined ? '—' : `${ratio.toFixed(ratio >= 10 ? 0 : 2)}×`,
    targetOf(figure),
    judged ? (meetsTarget(figure) ? 'yes' : '**no**') : '—',
  ];
}

export function markdownTable(rows: string[][], header = TABLE_HEADER): string {
  const line = (cells: string[]) => `| ${cells.map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
