import { auth } from '@wix/essentials';
import { ApiError, UnauthorizedError, errorBody } from '../../api/errors.js';
import { parseJsonBody } from '../../api/json-body.js';

/**
 * The site a Wix-hosted API call is for, from the caller's own dashboard authentication — never a parameter
 * the caller picks. Only a Wix user (the site owner or a collaborator in the dashboard) may read it.
 */
export async function dashboardSite(): Promise<string> {
  const token = await auth.getTokenInfo();
  if (token.subjectType !== 'USER' || !token.instanceId) {
    throw new UnauthorizedError('Only the site\'s dashboard may call this API: open it from the app\'s dashboard page');
  }
  return token.instanceId;
}

/** Runs an API handler and answers in the same JSON shapes as the self-hosted server. */
export async function respond(handler: () => Promise<unknown>): Promise<Response> {
  try {
    return Response.json(await handler());
  } catch (error) {
    if (error instanceof ApiError) return Response.json(errorBody(error), { status: error.status });
    console.error('inbox-identity API error', error);
    return Response.json({ error: { code: 'INTERNAL', message: 'Something went wrong; the app\'s logs have the details' } }, { status: 500 });
  }
}

/** The request's JSON body; anything else is a 400 that says so. */
export async function readJsonBody(request: Request): Promise<unknown> {
  return parseJsonBody(await request.text());
}
