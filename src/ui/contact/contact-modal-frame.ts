/** The contact-page modal's frame: its title and the size Wix opens it at (the extension's config is this). */
export const CONTACT_MODAL = {
  title: 'Inbox identity',
  width: 600,
  height: 500,
};
