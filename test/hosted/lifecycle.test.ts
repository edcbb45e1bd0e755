import { describeLifecycle } from '../scenarios/lifecycle.js';
import { onWixHosting } from './hosted-stack.js';

describeLifecycle(onWixHosting());
