import { CONTACT_MODAL } from '../../../../ui/contact/contact-modal-frame';

/** The modal's title and size, shared with the component so the local mode shows it at the same size. */
export default CONTACT_MODAL;
