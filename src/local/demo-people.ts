/**
 * The demo's cast for "Casa Azul Bakery": who writes, what they say, and how far along the lifecycle they go.
 * `becomes` is where they end: a visitor who stays anonymous, a contact (they left their details, or wrote by
 * email), or a member (they registered too). `reply` is the business answering by hand.
 */
export interface DemoPerson {
  becomes: 'ANONYMOUS_VISITOR' | 'CONTACT' | 'MEMBER';
  firstName?: string;
  lastName?: string;
  email?: string;
  /** Wrote by email (or social) as an existing contact, rather than starting in the site chat. */
  channel?: 'EMAIL' | 'WHATSAPP' | 'INSTAGRAM';
  messages: string[];
  reply?: string;
}

export const DEMO_BUSINESS = { businessName: 'Casa Azul Bakery', timeZone: 'Europe/Lisbon' };

const visitor = (...messages: string[]): DemoPerson => ({ becomes: 'ANONYMOUS_VISITOR', messages });

export const DEMO_PEOPLE: DemoPerson[] = [
  { becomes: 'MEMBER', firstName: 'Inês', lastName: 'Carvalho', email: 'ines.carvalho@example.pt', messages: ['Hi! Do you deliver to Porto?', 'Here is my email, please write back.', 'Just signed up — can I order for Friday?'], reply: 'Yes, every Tuesday and Friday!' },
  visitor('Are you open on Sunday mornings?'),
  { becomes: 'CONTACT', firstName: 'Tomás', lastName: 'Ferreira', email: 'tomas.ferreira@example.pt', messages: ['Do you make gluten-free bread?', 'Please let me know by email.'] },
  { becomes: 'CONTACT', firstName: 'Maria', lastName: 'Santos', email: 'maria.santos@example.com', channel: 'EMAIL', messages: ['Hello, I would like a quote for 40 pastéis de nata for a wedding on 12 July.'], reply: 'Thank you Maria, a quote is on its way.' },
  visitor('How much is a sourdough loaf?', 'And do you keep one aside if I call?'),
  { becomes: 'MEMBER', firstName: 'João', lastName: 'Pereira', email: 'joao.pereira@example.pt', messages: ['Can I pay with MB Way?', 'My email is joao.pereira@example.pt', 'Registered! Where do I see my orders?'] },
  visitor('hello?'),
  { becomes: 'CONTACT', firstName: 'Sofia', lastName: 'Almeida', email: 'sofia.almeida@example.com', messages: ['Is the almond cake dairy-free?', 'You can reach me at my email.'], reply: 'It has butter, sorry — but the orange cake is dairy-free.' },
  { becomes: 'MEMBER', firstName: 'Emma', lastName: 'Fischer', email: 'emma.fischer@example.de', messages: ['Hi, I am visiting Lisbon next week. Do you do breakfast?', 'Great, here are my details.', 'I made an account for the loyalty card.'] },
  visitor('Do you have vegan options?'),
  { becomes: 'CONTACT', firstName: 'Lucas', lastName: 'Martin', email: 'lucas.martin@example.fr', channel: 'WHATSAPP', messages: ['Bonjour! Do you ship biscuits to France?'] },
  { becomes: 'CONTACT', firstName: 'Beatriz', lastName: 'Costa', email: 'beatriz.costa@example.pt', messages: ['Can I order a birthday cake for Saturday?', 'Name: Beatriz, email below.'] },
  visitor('What time do you close today?'),
  { becomes: 'MEMBER', firstName: 'Rui', lastName: 'Oliveira', email: 'rui.oliveira@example.pt', messages: ['Do you cater for offices?', 'Sure, contact me here.', 'Signed up — please send the catering menu.'], reply: 'Menu sent to your inbox, Rui.' },
  { becomes: 'CONTACT', firstName: 'Hannah', lastName: 'Clarke', email: 'hannah.clarke@example.co.uk', channel: 'EMAIL', messages: ['Hi there, are your bolos de arroz made with rice flour only?'] },
  visitor('Is there parking nearby?'),
  visitor('Hi', 'Do you sell coffee beans?'),
  { becomes: 'MEMBER', firstName: 'Ana', lastName: 'Rodrigues', email: 'ana.rodrigues@example.pt', messages: ['I want to subscribe to the weekly bread box.', 'My email is here.', 'Done, I registered.'] },
  { becomes: 'CONTACT', firstName: 'Pedro', lastName: 'Gomes', email: 'pedro.gomes@example.pt', messages: ['My order #1042 was missing a croissant.', 'Email me please.'], reply: 'So sorry Pedro — a fresh one is on us tomorrow.' },
  visitor('Do you have a shop in Coimbra?'),
  { becomes: 'CONTACT', firstName: 'Chloé', lastName: 'Dubois', email: 'chloe.dubois@example.fr', channel: 'INSTAGRAM', messages: ['Love your Instagram! Do you do workshops?'] },
  { becomes: 'MEMBER', firstName: 'Miguel', lastName: 'Sousa', email: 'miguel.sousa@example.pt', messages: ['Is the loyalty card digital?', 'Ok, here are my details.', 'Registered as a member now.'] },
  visitor('Can I bring my dog inside?'),
  { becomes: 'CONTACT', firstName: 'Olivia', lastName: 'Brown', email: 'olivia.brown@example.com', messages: ['Do you have nut-free cookies for a school event?', 'Here is my email.'] },
  visitor('Are you hiring?'),
  { becomes: 'MEMBER', firstName: 'Carla', lastName: 'Mendes', email: 'carla.mendes@example.pt', messages: ['Can members pre-order for Christmas?', 'Sharing my email.', 'I just joined!'] },
  { becomes: 'CONTACT', firstName: 'Daniel', lastName: 'Ribeiro', email: 'daniel.ribeiro@example.pt', channel: 'EMAIL', messages: ['Invoice request for last month’s office deliveries, please.'], reply: 'Invoice attached, Daniel.' },
  visitor('What is the soup today?'),
  { becomes: 'CONTACT', firstName: 'Marta', lastName: 'Lopes', email: 'marta.lopes@example.pt', messages: ['Can I change my pickup time?', 'My email: marta.lopes@example.pt'] },
  { becomes: 'MEMBER', firstName: 'Henrique', lastName: 'Teixeira', email: 'henrique.teixeira@example.pt', messages: ['Do you deliver on Sundays?', 'Contact me by email.', 'Made an account, thanks!'] },
  visitor('oi, tudo bem?'),
  { becomes: 'CONTACT', firstName: 'Leonor', lastName: 'Martins', email: 'leonor.martins@example.pt', messages: ['Is the bakery wheelchair accessible?', 'You can email me.'] },
  visitor('Do you have gift cards?'),
  { becomes: 'MEMBER', firstName: 'Sara', lastName: 'Nunes', email: 'sara.nunes@example.pt', messages: ['How do I get the member discount?', 'Here is my email.', 'Registered — discount please!'] },
  { becomes: 'CONTACT', firstName: 'Noah', lastName: 'Wilson', email: 'noah.wilson@example.com', channel: 'WHATSAPP', messages: ['Can I order a cake with a photo on it?'] },
  visitor('Quick question about allergens'),
];
