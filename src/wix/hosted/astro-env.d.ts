// The app's secrets on Wix hosting, as the @wix/astro integration declares them (astro:env, server side).
declare module 'astro:env/server' {
  export const WIX_CLIENT_SECRET: string;
}
