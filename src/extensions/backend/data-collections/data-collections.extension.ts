import { extensions } from '@wix/astro/builders';
import aliases from './aliases';
import conversations from './conversations';
import decisions from './decisions';
import participants from './participants';
import processedEvents from './processed-events';
import replyClaims from './reply-claims';
import settings from './settings';

/** The app's Wix Data collections. At run time a collection ID is `<namespace>/<idSuffix>` (wix.config.json). */
export default extensions.dataCollections({
  id: '215eed84-683f-4e67-abfa-5b8b0db4d4bf',
  name: 'Inbox identity collections',
  collections: [conversations, aliases, processedEvents, participants, settings, replyClaims, decisions],
});
