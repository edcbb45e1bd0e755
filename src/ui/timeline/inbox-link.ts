/** How a host opens a conversation in Wix Inbox: a plain link (self-hosted), or a dashboard navigation (Wix). */
export type InboxLink = { href: string } | { open(): void };

export type InboxLinker = (conversationId: string) => InboxLink | undefined;

/** How a host opens the contact-page view of a CRM contact (the local mode links to /dashboard/contact). */
export type ContactLinker = (contactId: string) => InboxLink | undefined;

/** The Wix Inbox page in the dashboard, for `dashboard.navigate({ pageId })`. */
export const WIX_INBOX_PAGE_ID = '1ae6068f-0fe6-4986-975a-3565f4147fbe';
