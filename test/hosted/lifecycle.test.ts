import { describeLifecycle } from '../scenarios/lifecycle.js';
import { startHostedStack } from './hosted-stack.js';

describeLifecycle({ name: 'on Wix hosting', start: (options = {}) => startHostedStack(options) });
