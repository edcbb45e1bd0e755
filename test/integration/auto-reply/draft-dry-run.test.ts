import { describeDraftDryRun } from '../../scenarios/draft-dry-run.js';
import { startStack } from '../registry/stack.js';
import { selfHostedView } from './helpers.js';

describeDraftDryRun({ name: 'self-hosted', start: async (options = {}) => selfHostedView(await startStack(options)) });
