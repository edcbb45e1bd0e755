import { coldStart } from './cold-start.js';
import { dashboardScale } from './dashboard-scale.js';
import type { BenchSection } from './figures.js';
import { hostedRequests } from './hosted-requests.js';
import { keywordWorstCase } from './keyword-worst-case.js';
import { processing } from './processing.js';

/**
 * Every section `npm run bench` runs, in order (`npm run bench -- --only <name>` runs some). A section measures its
 * app figures and the floor beside them in the same run and returns Figures (bench/figures.ts).
 */
export const SECTIONS: { name: string; run: BenchSection }[] = [
  { name: 'cold start', run: coldStart },
  { name: 'dashboard at scale', run: dashboardScale },
  { name: 'processing', run: processing },
  { name: 'hosted worker', run: hostedRequests },
  { name: 'keyword worst case', run: keywordWorstCase },
];
