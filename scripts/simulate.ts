import { emulatorClient } from '../src/ui/simulator/emulator-client.js';
import { sitePeople } from '../src/ui/simulator/site-people.js';

/**
 * `npm run simulate -- <command>`: play a person on the local mode's demo site, from a terminal.
 * Talks to the emulator's driving API (EMULATOR_URL, default http://127.0.0.1:5100 as `npm start` uses).
 */
const HELP = `npm run simulate -- <command>
  people                                   who is on the site, with their IDs
  visitor "text" [visitorId]               a new (or that) anonymous visitor writes in the chat
  identify <visitorId> "First Last" [email] the visitor leaves their details: now a contact
  register <contactId> [nickname]          the contact signs up: now a member
  contact <contactId> "text"               a contact writes (by email)
  member <memberId> "text"                 a member writes
  reply <conversationId> "text"            the business answers
Options: EMULATOR_URL=… (default http://127.0.0.1:5100), SITE=<instanceId> (default: the first site)`;

const [command = 'help', ...args] = process.argv.slice(2);
const emulator = emulatorClient(process.env.EMULATOR_URL ?? 'http://127.0.0.1:5100');

async function main(): Promise<void> {
  if (command === 'help' || command === '--help') return console.log(HELP);
  const state = await emulator.state().catch(() => {
    throw new Error(`No emulator at ${process.env.EMULATOR_URL ?? 'http://127.0.0.1:5100'}: run \`npm start\` first, or set EMULATOR_URL`);
  });
  const site = state.sites.find((entry) => entry.site.instanceId === process.env.SITE) ?? state.sites[0];
  if (!site) throw new Error('The emulator has no site yet: `npm start` seeds one');
  const id = site.site.instanceId;
  const need = (value: string | undefined, what: string) => {
    if (!value) throw new Error(`Missing ${what}.\n\n${HELP}`);
    return value;
  };
  switch (command) {
    case 'people':
      for (const person of sitePeople(site)) console.log(`${person.type.padEnd(17)} ${person.label.padEnd(32)} ${JSON.stringify({ ...person, type: undefined, label: undefined })}`);
      return;
    case 'visitor':
      return console.log(await emulator.visitorSends(id, need(args[0], 'the message text'), args[1]));
    case 'identify': {
      const [firstName, ...last] = need(args[1], 'the name').split(' ');
      return console.log(await emulator.identifyVisitor(id, need(args[0], 'the visitor ID'), { firstName: firstName!, lastName: last.join(' ') || undefined, email: args[2] }));
    }
    case 'register':
      return console.log(await emulator.registerMember(id, need(args[0], 'the contact ID'), { nickname: args[1] ?? 'new.member' }));
    case 'contact':
      return console.log(await emulator.contactSends(id, need(args[0], 'the contact ID'), need(args[1], 'the message text')));
    case 'member':
      return console.log(await emulator.memberSends(id, need(args[0], 'the member ID'), need(args[1], 'the message text')));
    case 'reply':
      return console.log(await emulator.businessReplies(id, need(args[0], 'the conversation ID'), need(args[1], 'the message text')));
    default:
      throw new Error(`Unknown command "${command}".\n\n${HELP}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
