import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureBundled } from '../scripts/bundle.mjs';
import { cellsOf, markdownTable } from './figure-format.js';
import { meetsTarget, ratioOf, SectionSkipped, type Figure, type RecordedFigure } from './figures.js';
import { SECTIONS } from './sections.js';

/**
 * `npm run bench [-- --quick] [--only <name>,…]`: runs every section of bench/sections.ts, prints each figure with
 * app / floor / ratio / target / met?, and writes bench/results.json (the README's Benchmarks section is made from
 * it: `npx tsx bench/readme-table.ts`). `--quick` (CI) runs small sizes and few repetitions, writes
 * bench/results-quick.json instead, and only checks that figures are produced: the exit code is non-zero when a
 * section throws or returns no figure, never because something is slow.
 */
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? (args[onlyAt + 1] ?? '').split(',').map((name) => name.trim()) : undefined;
const unknown = only?.filter((name) => !SECTIONS.some((section) => section.name === name)) ?? [];
if (unknown.length > 0) {
  console.error(`bench: no section ${unknown.map((name) => `"${name}"`).join(', ')}; sections: ${SECTIONS.map((s) => s.name).join(', ')}`);
  process.exit(2);
}
const ROOT = path.resolve(import.meta.dirname, '..');
const output = path.join(ROOT, 'bench', quick ? 'results-quick.json' : 'results.json');

const machine = {
  cpus: os.cpus().length,
  model: os.cpus()[0]?.model.trim() ?? 'unknown',
  memoryGB: Math.round(os.totalmem() / 2 ** 30),
  platform: `${os.platform()} ${os.release()}`,
  node: process.version,
  loadAverageAtStart: os.loadavg().map((load) => Number(load.toFixed(2))),
};
const started = new Date();
console.log(`inbox-identity benchmarks${quick ? ' (quick: small sizes, checks that figures are produced)' : ''}`);
console.log(`${machine.cpus} × ${machine.model}, ${machine.memoryGB} GB, node ${machine.node}, load average ${machine.loadAverageAtStart.join(' / ')} at ${started.toISOString()}\n`);

// Sections start `npm run serve`'s compiled entry as a process: bundle it now, not inside a section's timing.
await Promise.all([ensureBundled('server'), ensureBundled('start'), ensureBundled('browser')]);

const figures: RecordedFigure[] = [];
const sections: { name: string; seconds: number; figures: number; skipped?: string; error?: string }[] = [];
const failures: string[] = [];
for (const section of SECTIONS.filter((s) => !only || only.includes(s.name))) {
  console.log(`## ${section.name}`);
  const sectionStarted = performance.now();
  const seconds = () => Number(((performance.now() - sectionStarted) / 1000).toFixed(1));
  try {
    const produced = await section.run({ quick, print: (line) => console.log(`  ${line}`) });
    const broken = produced.filter((figure) => !Number.isFinite(figure.app) || (figure.floor !== undefined && !Number.isFinite(figure.floor)));
    if (produced.length === 0) failures.push(`${section.name}: returned no figures`);
    for (const figure of broken) failures.push(`${section.name}: "${figure.what}" is not a number (app ${figure.app}, floor ${figure.floor})`);
    figures.push(...produced.map(recorded));
    sections.push({ name: section.name, seconds: seconds(), figures: produced.length });
    console.log(`\n${markdownTable(produced.map(cellsOf))}\n\n(${seconds()} s)\n`);
  } catch (error) {
    if (error instanceof SectionSkipped) {
      console.log(`  skipped: ${error.message}\n`);
      sections.push({ name: section.name, seconds: seconds(), figures: 0, skipped: error.message });
      continue;
    }
    const message = error instanceof Error ? error.stack ?? error.message : String(error);
    console.error(`  FAILED: ${message}\n`);
    failures.push(`${section.name}: threw ${error instanceof Error ? error.message : String(error)}`);
    sections.push({ name: section.name, seconds: seconds(), figures: 0, error: error instanceof Error ? error.message : String(error) });
  }
}

const results = {
  date: started.toISOString(),
  quick,
  commit: commitOf(),
  machine: { ...machine, loadAverageAtEnd: os.loadavg().map((load) => Number(load.toFixed(2))) },
  seconds: Number(((Date.now() - started.getTime()) / 1000).toFixed(1)),
  sections,
  figures,
};
writeFileSync(output, `${JSON.stringify(results, null, 2)}\n`);
const missed = figures.filter((figure) => !figure.met);
console.log(`${figures.length} figures from ${sections.length} sections in ${results.seconds} s → ${path.relative(ROOT, output)}` +
  `${missed.length > 0 ? `; ${missed.length} not within target: ${missed.map((f) => f.what).join('; ')}` : ''}`);
if (failures.length > 0) {
  console.error(`\nbench: ${failures.length} problem(s):\n${failures.map((line) => `- ${line}`).join('\n')}`);
  process.exit(1);
}
// Sections may leave handles (keep-alive sockets, child pipes) that would hold the process for a while.
process.exit(0);

function recorded(figure: Figure): RecordedFigure {
  const ratio = ratioOf(figure);
  return { ...figure, ...(ratio === undefined ? {} : { ratio: Number(ratio.toFixed(3)) }), met: meetsTarget(figure) };
}

function commitOf(): string | undefined {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT, encoding: 'utf8' }).trim() !== '';
    return `${commit}${dirty ? ' (with uncommitted changes)' : ''}`;
  } catch {
    return undefined;
  }
}
