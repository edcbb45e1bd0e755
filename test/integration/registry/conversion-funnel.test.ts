import { describeConversionFunnel } from '../../scenarios/conversion-funnel.js';
import { selfHostedView } from '../auto-reply/helpers.js';
import { startStack } from './stack.js';

describeConversionFunnel({ name: 'self-hosted', start: async (options = {}) => selfHostedView(await startStack(options)) });
