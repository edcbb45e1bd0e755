export { startHostedWorker, type HostedWorker, type HostedWorkerOptions } from './hosted-worker.js';
export { hostedApp } from './worker-runtime.js';
export { readBuiltApp, MissingBuildError, type BuiltApp } from './built-app.js';
export type { HostedRequestRecord, LimitViolation, SubRequestRecord } from './hosted-request.js';
export { formatSummary, summarizeRequests, type KindSummary } from './request-summary.js';
