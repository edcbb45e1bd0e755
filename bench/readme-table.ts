import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cellsOf, markdownTable } from './figure-format.js';
import type { RecordedFigure } from './figures.js';

/**
 * `npx tsx bench/readme-table.ts [results.json] [--write]`: the README's Benchmarks figures as Markdown, made from
 * the latest `npm run bench` (bench/results.json): the machine and date, then one table per section with each
 * figure's note. `--write` puts them in README.md between its `<!-- bench:begin -->` and `<!-- bench:end -->` lines.
 */
interface Results {
  date: string;
  quick: boolean;
  commit?: string;
  machine: { cpus: number; model: string; memoryGB: number; node: string; loadAverageAtStart: number[]; loadAverageAtEnd?: number[] };
  seconds: number;
  sections: { name: string; skipped?: string; error?: string }[];
  figures: RecordedFigure[];
}

const args = process.argv.slice(2);
const file = path.resolve(args.find((arg) => !arg.startsWith('--')) ?? path.join(import.meta.dirname, 'results.json'));
const results = JSON.parse(readFileSync(file, 'utf8')) as Results;
const { machine } = results;
const out: string[] = [];
out.push(`Measured by \`npm run bench\`${results.quick ? ' -- --quick (small sizes: not figures to quote)' : ''} on ${results.date.slice(0, 10)} ` +
  `(${results.date.slice(11, 16)} UTC${results.commit ? `, commit ${results.commit}` : ''}): ${machine.cpus} cores (${machine.model}), ${machine.memoryGB} GB, ` +
  `Node ${machine.node.replace(/^v/, '')}, load average ${machine.loadAverageAtStart[0]} at the start` +
  `${machine.loadAverageAtEnd ? ` and ${machine.loadAverageAtEnd[0]} at the end` : ''}; the whole run took ${Math.round(results.seconds)} s. ` +
  'Each floor is built and measured in the same run; "app / floor" is judged against the target.');
const skipped = results.sections.filter((section) => section.skipped || section.error);
if (skipped.length > 0) out.push('', ...skipped.map((section) => `- ${section.name}: ${section.skipped ? `skipped (${section.skipped})` : `failed (${section.error})`}`));
const bySection = new Map<string, RecordedFigure[]>();
for (const figure of results.figures) bySection.set(figure.section, [...(bySection.get(figure.section) ?? []), figure]);
for (const [section, figures] of bySection) {
  out.push('', `**${section}**`, '', markdownTable(figures.map(cellsOf)));
  const notes = [...new Set(figures.filter((figure) => figure.note).map((figure) => (/^[\w-]+: /.test(figure.note!) ? figure.note! : `${figure.what}: ${figure.note}`)))];
  if (notes.length > 0) out.push('', ...notes.map((note) => `- ${note}`));
}
const markdown = out.join('\n');
if (args.includes('--write')) {
  const readme = path.join(import.meta.dirname, '..', 'README.md');
  const text = readFileSync(readme, 'utf8');
  const begin = text.indexOf('<!-- bench:begin');
  const end = text.indexOf('<!-- bench:end -->');
  if (begin < 0 || end < begin) throw new Error('README.md has no <!-- bench:begin … --> … <!-- bench:end --> lines to write between');
  const opening = text.indexOf('\n', begin) + 1;
  writeFileSync(readme, `${text.slice(0, opening)}\n${markdown}\n\n${text.slice(end)}`);
  console.log(`README.md: Benchmarks figures written from ${path.relative(process.cwd(), file)}`);
} else {
  console.log(markdown);
}
