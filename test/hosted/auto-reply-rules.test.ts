import { describeAutoReplyRules } from '../scenarios/auto-reply-rules.js';
import { onWixHosting } from './hosted-stack.js';

describeAutoReplyRules(onWixHosting());
