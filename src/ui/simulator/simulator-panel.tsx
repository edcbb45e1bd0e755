import { useState, type FC } from 'react';
import { Box, Button, Card, Cell, Dropdown, FormField, InputArea, Layout, Page, Text, TextButton } from '@wix/design-system';
import { useLoad } from '../hooks/use-load.js';
import { PARTICIPANT_LABEL } from '../format/participant-labels.js';
import type { EmulatorClient } from './emulator-client.js';
import { PersonActions } from './person-actions.js';
import { sitePeople, visitorName, type SitePerson } from './site-people.js';
import { ConversationView } from './conversation-view.js';

interface Props {
  emulator: EmulatorClient;
  instanceId: string;
  dashboardUrl?: string;
  conversationId?: string;
}

const keyOf = (person: SitePerson) => (person.type === 'MEMBER' ? person.memberId : person.type === 'CONTACT' ? person.contactId : person.visitorId);

/** The local mode's simulator: play the people writing to the business, and watch the dashboard follow. */
export const SimulatorPanel: FC<Props> = ({ emulator, instanceId, dashboardUrl, conversationId }) => {
  const [log, setLog] = useState<string[]>([]);
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<string>();
  const state = useLoad(() => emulator.state(), [emulator], 2000);
  const site = state.data?.sites.find((entry) => entry.site.instanceId === instanceId);
  const people = site ? sitePeople(site) : [];
  const person = people.find((entry) => keyOf(entry) === chosen);
  const done = (what: string, nowKnownAs?: string) => {
    setLog((previous) => [what, ...previous].slice(0, 12));
    if (nowKnownAs) setChosen(nowKnownAs);
    state.reload();
  };

  return (
    <Page dataHook="simulator">
      <Page.Header title="Simulator" subtitle={`Play the people writing to ${site?.site.businessName ?? 'the demo site'}; the dashboard follows within seconds.`}
        actionsBar={dashboardUrl ? <Button as="a" href={dashboardUrl} target="_blank" priority="secondary" size="small">Open the dashboard</Button> : undefined} />
      <Page.Content>
        <Layout gap="24px">
          {conversationId ? <Cell span={12}><ConversationView site={site} conversationId={conversationId} /></Cell> : null}
          <Cell span={6}>
            <Card stretchVertically>
              <Card.Header title="A new visitor writes" subtitle="Someone opens the site chat for the first time." />
              <Card.Divider />
              <Card.Content>
                <Box direction="vertical" gap="SP3">
                  <FormField label="Their message" id="sim-new-visitor">
                    <InputArea id="sim-new-visitor" dataHook="sim-new-visitor-text" rows={3} value={text} placeholder="Hi! Are you open on Sunday?" onChange={(event) => setText(event.target.value)} />
                  </FormField>
                  <Box>
                    <Button size="small" dataHook="sim-new-visitor-send" onClick={() => {
                      const message = text.trim() || 'Hi! Are you open on Sunday?';
                      emulator.visitorSends(instanceId, message).then(({ visitorId }) => {
                        setText('');
                        setChosen(visitorId);
                        done(`A new visitor (${visitorName(visitorId)}) wrote: “${message}”`);
                      }, (error: unknown) => done(`Failed: ${(error as Error).message}`));
                    }}>Send as a new visitor</Button>
                  </Box>
                </Box>
              </Card.Content>
            </Card>
          </Cell>
          <Cell span={6}>
            <Card stretchVertically>
              <Card.Header title="Someone who wrote before" subtitle={`${people.length} people on the site`} />
              <Card.Divider />
              <Card.Content>
                <Box direction="vertical" gap="SP4">
                  <FormField label="Person" id="sim-person">
                    <Dropdown id="sim-person" dataHook="sim-person" placeholder="Choose a person" popoverProps={{ appendTo: 'window' }}
                      selectedId={chosen} onSelect={(option) => setChosen(String(option.id))}
                      options={people.map((entry) => ({ id: keyOf(entry), value: `${PARTICIPANT_LABEL[entry.type]} · ${entry.label}` }))} />
                  </FormField>
                  {person ? <PersonActions key={keyOf(person)} emulator={emulator} instanceId={instanceId} person={person} onDone={done} /> : null}
                </Box>
              </Card.Content>
            </Card>
          </Cell>
          <Cell span={12}>
            <Card>
              <Card.Header title="What happened" />
              <Card.Divider />
              <Card.Content>
                {log.length ? (
                  <Box direction="vertical" gap="SP1" dataHook="sim-log">{log.map((line, index) => <Text key={index} size="small">{line}</Text>)}</Box>
                ) : (
                  <Text size="small" secondary>Nothing yet. Send a message, then watch the conversation appear on the dashboard.</Text>
                )}
                {dashboardUrl ? <Box marginTop="SP2"><TextButton as="a" href={dashboardUrl} target="_blank" size="small">Open the dashboard</TextButton></Box> : null}
              </Card.Content>
            </Card>
          </Cell>
        </Layout>
      </Page.Content>
    </Page>
  );
};
