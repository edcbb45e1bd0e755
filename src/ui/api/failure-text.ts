import { ApiFailure } from './api-failure.js';

/** A failed call in the owner's words, ending with what they can do about it. */
export function failureText(error: unknown): string {
  if (error instanceof ApiFailure) {
    if (error.status === 401 || error.status === 403) return withAdvice(error.message, 'Reopen the panel from your Wix dashboard to sign in again.');
    if (error.status === 429) return 'Too many requests right now. Wait a minute, then try again.';
    if (error.status >= 500) return `The app's server ran into a problem (HTTP ${error.status}). Try again in a moment; if it keeps happening, contact the app's support.`;
    return error.message;
  }
  if (error instanceof TypeError) {
    return "Can't reach the app's server. Check your internet connection (on your own server: that the app is running), then try again.";
  }
  return error instanceof Error ? error.message : String(error);
}

function withAdvice(message: string, advice: string): string {
  return /reopen/i.test(message) ? message : `${message.replace(/[.\s]*$/, '.')} ${advice}`;
}
