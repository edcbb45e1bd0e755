import { describeDraftDryRun } from '../../scenarios/draft-dry-run.js';
import { selfHosted } from './helpers.js';

describeDraftDryRun(selfHosted());
