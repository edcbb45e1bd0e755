import type { ParticipantType } from '../participant.js';

/** The channels a message can come in by, as Wix names them (`message.sourceChannel`). */
export const CHANNELS = ['CHAT', 'EMAIL', 'SMS', 'FACEBOOK', 'INSTAGRAM', 'WHATSAPP'] as const;
export type Channel = (typeof CHANNELS)[number];

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** One opening interval in local time, "HH:MM" to "HH:MM" ("24:00" closes at midnight). */
export interface OpenInterval {
  from: string;
  to: string;
}

/** When the business is open, in the site's IANA time zone; outside these hours the away text is sent. */
export interface BusinessHours {
  enabled: boolean;
  timeZone: string;
  weekly: Record<Weekday, OpenInterval[]>;
  awayText: string;
}

/** A keyword rule: the first rule with a keyword in the message wins, and its text is sent. */
export interface KeywordRule {
  keywords: string[];
  text: string;
}

/** A site owner's auto-reply rules; one per site. */
export interface AutoReplySettings {
  enabled: boolean;
  texts: Record<ParticipantType, string>;
  /** Optional: the business's name for {businessName}; else the name Wix gives the conversation. */
  businessName?: string;
  cooldownHours: number;
  firstMessageOnly: boolean;
  businessHours: BusinessHours;
  channels: Record<Channel, boolean>;
  keywordRules: KeywordRule[];
  /** No auto-reply while someone from the business wrote within this many minutes; 0 turns it off. */
  quietWhileBusinessMinutes: number;
}

const NINE_TO_FIVE: OpenInterval[] = [{ from: '09:00', to: '17:00' }];

/** What a site gets before its owner changes anything: on, once a day per person, every channel. */
export const DEFAULT_SETTINGS: AutoReplySettings = {
  enabled: true,
  texts: {
    ANONYMOUS_VISITOR: 'Thanks for your message! Leave your name and email so {businessName} can get back to you.',
    CONTACT: 'Hi {firstName|there}, thanks for reaching out to {businessName}. We will reply as soon as we can.',
    MEMBER: 'Hi {nickname|there}, thanks for your message. {businessName} will reply as soon as we can.',
  },
  cooldownHours: 24,
  firstMessageOnly: false,
  businessHours: {
    enabled: false,
    timeZone: 'UTC',
    weekly: { mon: NINE_TO_FIVE, tue: NINE_TO_FIVE, wed: NINE_TO_FIVE, thu: NINE_TO_FIVE, fri: NINE_TO_FIVE, sat: [], sun: [] },
    awayText: 'Thanks for your message, {name|there}! We are away right now and will reply when {businessName} opens again.',
  },
  channels: { CHAT: true, EMAIL: true, SMS: true, FACEBOOK: true, INSTAGRAM: true, WHATSAPP: true },
  keywordRules: [],
  quietWhileBusinessMinutes: 30,
};

/** The defaults under a site's stored (possibly older, partial) settings. */
export function withDefaults(stored: Partial<AutoReplySettings> | undefined): AutoReplySettings {
  const s = stored ?? {};
  return {
    ...DEFAULT_SETTINGS,
    ...s,
    texts: { ...DEFAULT_SETTINGS.texts, ...s.texts },
    businessHours: { ...DEFAULT_SETTINGS.businessHours, ...s.businessHours },
    channels: { ...DEFAULT_SETTINGS.channels, ...s.channels },
  };
}

/** The badge on every auto-reply, visible to the business only. */
export const AUTOMATED_BADGE = 'Automated reply';
