import { describeLifecycle } from '../../scenarios/lifecycle.js';
import { selfHostedView } from '../auto-reply/helpers.js';
import { startStack } from './stack.js';

describeLifecycle({ name: 'self-hosted', start: async (options = {}) => selfHostedView(await startStack(options)) });
