import { describeDraftDryRun } from '../scenarios/draft-dry-run.js';
import { startHostedStack } from './hosted-stack.js';

describeDraftDryRun({ name: 'on Wix hosting', start: (options = {}) => startHostedStack(options) });
