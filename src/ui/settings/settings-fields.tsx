import type { FC } from 'react';
import { Box, Checkbox, FormField, InputArea, NumberInput } from '@wix/design-system';
import type { AutoReplySettings } from '../api/dashboard-api.js';
import { PARTICIPANT_PLURAL } from '../format/participant-labels.js';
import type { FieldProblems } from './field-problems.js';
import { SettingSwitch } from './setting-switch.js';

interface Props {
  value: AutoReplySettings;
  onChange(next: AutoReplySettings): void;
  problems: FieldProblems;
}

const CHANNEL_LABEL = { CHAT: 'Site chat', EMAIL: 'Email', SMS: 'SMS', FACEBOOK: 'Facebook', INSTAGRAM: 'Instagram', WHATSAPP: 'WhatsApp' } as const;
const TYPES = ['ANONYMOUS_VISITOR', 'CONTACT', 'MEMBER'] as const;

/** The standard auto-reply rules as a form: on/off, the text per participant type, when not to reply, channels. */
export const SettingsFields: FC<Props> = ({ value, onChange, problems }) => {
  const set = (next: Partial<AutoReplySettings>) => onChange({ ...value, ...next });
  const status = (field: string) => (problems.at(field) ? { status: 'error' as const, statusMessage: problems.at(field) } : {});
  return (
    <Box direction="vertical" gap="SP4">
      <SettingSwitch id="setting-enabled" label="Send auto-replies" help="When off, every message is still recorded with the reason nothing was sent."
        checked={value.enabled} onChange={(enabled) => set({ enabled })} />
      {TYPES.map((type) => (
        <FormField key={type} id={`setting-text-${type}`} label={`Reply to ${PARTICIPANT_PLURAL[type].toLowerCase()}`} {...status(`texts.${type}`)}
          infoContent="Placeholders: {firstName}, {nickname}, {name}, {businessName}; {firstName|there} gives a fallback.">
          <InputArea id={`setting-text-${type}`} dataHook={`setting-text-${type}`} rows={2} resizable status={problems.at(`texts.${type}`) ? 'error' : undefined}
            value={value.texts[type]} onChange={(event) => set({ texts: { ...value.texts, [type]: event.target.value } })} />
        </FormField>
      ))}
      <Box gap="SP4">
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
        <Box gap="SP3" dataHook="setting-channels">
          {(Object.keys(CHANNEL_LABEL) as (keyof typeof CHANNEL_LABEL)[]).map((channel) => (
            <Checkbox key={channel} dataHook={`setting-channel-${channel}`} checked={value.channels[channel]}
              onChange={(event) => set({ channels: { ...value.channels, [channel]: event.target.checked } })}>{CHANNEL_LABEL[channel]}</Checkbox>
          ))}
        </Box>
      </FormField>
    </Box>
  );
};
