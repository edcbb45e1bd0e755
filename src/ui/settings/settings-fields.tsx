import type { FC } from 'react';
import { Box, Checkbox, FormField, Input, InputArea, NumberInput } from '@wix/design-system';
import type { AutoReplySettings } from '../api/dashboard-api.js';
import { PARTICIPANT_PLURAL } from '../format/participant-labels.js';
import type { FieldProblems } from './field-problems.js';
import { SettingSwitch } from './setting-switch.js';

interface Props {
  value: AutoReplySettings;
  onChange(next: AutoReplySettings): void;
  problems: FieldProblems;
  /** The site's name as Wix Inbox shows it, when known: what {businessName} becomes if no name is set here. */
  siteName?: string;
  narrow?: boolean;
}

const CHANNEL_LABEL = { CHAT: 'Site chat', EMAIL: 'Email', SMS: 'SMS', FACEBOOK: 'Facebook', INSTAGRAM: 'Instagram', WHATSAPP: 'WhatsApp' } as const;

/** A field's status: the server's problem first, else a warning that an empty text means no auto-reply for them. */
function textStatus(problem: string | undefined, text: string, people: string) {
  if (problem) return { status: 'error' as const, statusMessage: problem };
  if (!text.trim()) return { status: 'warning' as const, statusMessage: `Empty: ${people} get no auto-reply at all. Write a text to answer them.` };
  return {};
}
const TYPES = ['ANONYMOUS_VISITOR', 'CONTACT', 'MEMBER'] as const;

/** The standard auto-reply rules as a form: on/off, the text per participant type, when not to reply, channels. */
export const SettingsFields: FC<Props> = ({ value, onChange, problems, siteName, narrow }) => {
  const set = (next: Partial<AutoReplySettings>) => onChange({ ...value, ...next });
  const status = (field: string) => (problems.at(field) ? { status: 'error' as const, statusMessage: problems.at(field) } : {});
  return (
    <Box direction="vertical" gap="SP4">
      <SettingSwitch id="setting-enabled" label="Send auto-replies" help="When off, every message is still recorded with the reason nothing was sent."
        checked={value.enabled} onChange={(enabled) => set({ enabled })} />
      {TYPES.map((type) => {
        const field = textStatus(problems.at(`texts.${type}`), value.texts[type], PARTICIPANT_PLURAL[type].toLowerCase());
        return (
          <FormField key={type} id={`setting-text-${type}`} label={`Reply to ${PARTICIPANT_PLURAL[type].toLowerCase()}`} {...field}
            infoContent="Placeholders: {firstName}, {nickname}, {name}, {businessName}; {firstName|there} gives a fallback. Leave it empty to send them no auto-reply.">
            <InputArea id={`setting-text-${type}`} dataHook={`setting-text-${type}`} autoGrow minRowsAutoGrow={2} status={field.status}
              value={value.texts[type]} onChange={(event) => set({ texts: { ...value.texts, [type]: event.target.value } })} />
          </FormField>
        );
      })}
      <FormField id="setting-business-name" label="Business name in replies" {...status('businessName')}
        infoContent="What {businessName} becomes. Leave it empty to use your site's name as Wix Inbox shows it.">
        <Input id="setting-business-name" dataHook="setting-business-name" value={value.businessName ?? ''}
          placeholder={siteName ? `${siteName} (your site's name)` : "Your site's name"}
          onChange={(event) => {
            const { businessName: _old, ...rest } = value;
            onChange(event.target.value ? { ...rest, businessName: event.target.value } : rest);
          }} />
      </FormField>
      <Box gap="SP4" direction={narrow ? 'vertical' : 'horizontal'}>
        <FormField id="setting-cooldown" label="Reply to a person at most every (hours)" {...status('cooldownHours')}>
          <NumberInput id="setting-cooldown" dataHook="setting-cooldown" min={0} value={value.cooldownHours} onChange={(hours) => set({ cooldownHours: hours ?? 0 })} />
        </FormField>
        <FormField id="setting-quiet" label="Stay quiet after the team wrote (minutes)" {...status('quietWhileBusinessMinutes')}>
          <NumberInput id="setting-quiet" dataHook="setting-quiet" min={0} value={value.quietWhileBusinessMinutes} onChange={(minutes) => set({ quietWhileBusinessMinutes: minutes ?? 0 })} />
        </FormField>
      </Box>
      <SettingSwitch id="setting-first-only" label="Only answer the first message of a conversation"
        checked={value.firstMessageOnly} onChange={(firstMessageOnly) => set({ firstMessageOnly })} />
      <FormField label="Channels">
        <Box gap="SP3" dataHook="setting-channels" style={{ flexWrap: 'wrap' }}>
          {(Object.keys(CHANNEL_LABEL) as (keyof typeof CHANNEL_LABEL)[]).map((channel) => (
            <Checkbox key={channel} dataHook={`setting-channel-${channel}`} checked={value.channels[channel]}
              onChange={(event) => set({ channels: { ...value.channels, [channel]: event.target.checked } })}>{CHANNEL_LABEL[channel]}</Checkbox>
          ))}
        </Box>
      </FormField>
    </Box>
  );
};
