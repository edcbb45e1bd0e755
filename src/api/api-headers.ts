/** Where Wix shows a self-hosted dashboard page: inside the Wix dashboard's frame, and nowhere else. */
export const WIX_FRAME_ANCESTORS = 'https://manage.wix.com https://*.wix.com';

/** Everything that is not the panel's page (JSON, the bundle's files, errors): nothing to run or load. */
export const API_CSP = `default-src 'none'; frame-ancestors ${WIX_FRAME_ANCESTORS}`;

/** The headers every API answer carries, on both hosts. */
export const API_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': API_CSP,
  'x-content-type-options': 'nosniff',
  // The page's URL carries the instance token: never send it on as a referrer.
  'referrer-policy': 'no-referrer',
};
