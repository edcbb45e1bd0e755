import { describeLifecycle } from '../../scenarios/lifecycle.js';
import { selfHosted } from '../auto-reply/helpers.js';

describeLifecycle(selfHosted());
