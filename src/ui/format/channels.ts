const CHANNEL: Record<string, string> = { CHAT: 'Site chat', EMAIL: 'Email', SMS: 'SMS', WHATSAPP: 'WhatsApp', FACEBOOK: 'Facebook', INSTAGRAM: 'Instagram' };

/** Where a conversation happens, in the owner's words ("Site chat", "WhatsApp"). */
export const channelLabel = (channel?: string) => (channel ? CHANNEL[channel] ?? channel.charAt(0) + channel.slice(1).toLowerCase() : '—');

/** "in the site chat", "by email", "on WhatsApp": a channel inside a sentence. */
export function channelPhrase(channel?: string): string {
  switch (channel) {
    case undefined: return '';
    case 'CHAT': return 'in the site chat';
    case 'EMAIL': return 'by email';
    case 'SMS': return 'by SMS';
    default: return `on ${channelLabel(channel)}`;
  }
}

export const CHANNEL_IDS = Object.keys(CHANNEL);
