import { describeAutoReplyRules } from '../../scenarios/auto-reply-rules.js';
import { selfHosted } from './helpers.js';

describeAutoReplyRules(selfHosted());
