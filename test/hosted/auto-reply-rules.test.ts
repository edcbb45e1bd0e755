import { describeAutoReplyRules } from '../scenarios/auto-reply-rules.js';
import { startHostedStack } from './hosted-stack.js';

describeAutoReplyRules({ name: 'on Wix hosting', start: (options = {}) => startHostedStack(options) });
