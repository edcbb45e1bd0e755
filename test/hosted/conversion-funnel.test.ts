import { describeConversionFunnel } from '../scenarios/conversion-funnel.js';
import { onWixHosting } from './hosted-stack.js';

describeConversionFunnel(onWixHosting());
