import { describeConversionFunnel } from '../../scenarios/conversion-funnel.js';
import { selfHosted } from '../auto-reply/helpers.js';

describeConversionFunnel(selfHosted());
