import { describeDraftDryRun } from '../scenarios/draft-dry-run.js';
import { onWixHosting } from './hosted-stack.js';

describeDraftDryRun(onWixHosting());
