import { describeAutoReplyRules } from '../../scenarios/auto-reply-rules.js';
import { startStack } from '../registry/stack.js';
import { selfHostedView } from './helpers.js';

describeAutoReplyRules({ name: 'self-hosted', start: async (options = {}) => selfHostedView(await startStack(options)) });
