import { extensions } from '@wix/astro/builders';

/** The app's dashboard panel: conversations, who is writing, and the auto-reply decisions. */
export default extensions.dashboardPage({
  id: 'a74690b3-be03-4d83-81a1-fd74211407e6',
  title: 'Inbox identity',
  routePath: 'conversations',
  component: './extensions/dashboard/pages/conversations/conversations.tsx',
  fullPage: false,
});
