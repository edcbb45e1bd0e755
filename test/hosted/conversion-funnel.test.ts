import { describeConversionFunnel } from '../scenarios/conversion-funnel.js';
import { startHostedStack } from './hosted-stack.js';

describeConversionFunnel({ name: 'on Wix hosting', start: (options = {}) => startHostedStack(options) });
