import { useState, type FC } from 'react';
import { Box, Button, FormField, Input, Text } from '@wix/design-system';
import type { EmulatorClient } from './emulator-client.js';
import type { SitePerson } from './site-people.js';

interface Props {
  emulator: EmulatorClient;
  instanceId: string;
  person: SitePerson;
  /** What happened, and the person's new ID when they moved along. */
  onDone(what: string, nowKnownAs?: string): void;
}

/** What the chosen person can do next: write again, leave their details (visitor), or register (contact). */
export const PersonActions: FC<Props> = ({ emulator, instanceId, person, onDone }) => {
  const [text, setText] = useState('');
  const [firstName, setFirstName] = useState('');
  const [lastName, setLastName] = useState('');
  const [email, setEmail] = useState('');
  const [nickname, setNickname] = useState('');
  const [busy, setBusy] = useState(false);
  const run = (action: () => Promise<string | [string, string]>) => {
    setBusy(true);
    action().then((done) => (Array.isArray(done) ? onDone(done[0], done[1]) : onDone(done)), (error: unknown) => onDone(`Failed: ${(error as Error).message}`))
      .finally(() => setBusy(false));
  };
  const send = () => run(async () => {
    const message = text.trim() || 'Hello again!';
    if (person.type === 'ANONYMOUS_VISITOR') await emulator.visitorSends(instanceId, message, person.visitorId);
    else if (person.type === 'CONTACT') await emulator.contactSends(instanceId, person.contactId, message);
    else await emulator.memberSends(instanceId, person.memberId, message);
    setText('');
    return `${person.label} wrote: “${message}”`;
  });
  return (
    <Box direction="vertical" gap="SP4">
      <FormField label="Message" id="sim-message">
        <Input id="sim-message" dataHook="sim-message" value={text} placeholder="Type what they write…" onChange={(event) => setText(event.target.value)} onEnterPressed={send} />
      </FormField>
      <Box><Button size="small" onClick={send} disabled={busy} dataHook="sim-send">Send as this person</Button></Box>
      {person.type === 'ANONYMOUS_VISITOR' ? (
        <Box direction="vertical" gap="SP2">
          <Text size="small" weight="bold">They leave their details (visitor → contact)</Text>
          <Box gap="SP2">
            <FormField label="First name" id="sim-first"><Input id="sim-first" dataHook="sim-first-name" value={firstName} onChange={(event) => setFirstName(event.target.value)} /></FormField>
            <FormField label="Last name" id="sim-last"><Input id="sim-last" dataHook="sim-last-name" value={lastName} onChange={(event) => setLastName(event.target.value)} /></FormField>
          </Box>
          <FormField label="Email" id="sim-email"><Input id="sim-email" dataHook="sim-email" value={email} onChange={(event) => setEmail(event.target.value)} /></FormField>
          <Box>
            <Button size="small" priority="secondary" disabled={busy || !firstName.trim()} dataHook="sim-identify"
              onClick={() => run(async () => {
                const { contactId } = await emulator.identifyVisitor(instanceId, person.visitorId, { firstName: firstName.trim(), lastName: lastName.trim() || undefined, email: email.trim() || undefined });
                return [`${person.label} is now contact ${firstName} (${contactId})`, contactId];
              })}>Turn into a contact</Button>
          </Box>
        </Box>
      ) : null}
      {person.type === 'CONTACT' ? (
        <Box direction="vertical" gap="SP2">
          <Text size="small" weight="bold">They sign up on the site (contact → member)</Text>
          <FormField label="Nickname" id="sim-nickname"><Input id="sim-nickname" dataHook="sim-nickname" value={nickname} onChange={(event) => setNickname(event.target.value)} /></FormField>
          <Box>
            <Button size="small" priority="secondary" disabled={busy} dataHook="sim-register"
              onClick={() => run(async () => {
                const { memberId } = await emulator.registerMember(instanceId, person.contactId, { nickname: nickname.trim() || person.label, loginEmail: person.email });
                return [`${person.label} registered: member ${memberId}`, memberId];
              })}>Register as a member</Button>
          </Box>
        </Box>
      ) : null}
    </Box>
  );
};
