import { extensions } from '@wix/astro/builders';
import siteItems from './site-items';

/** The app's Wix Data collection. At run time its ID is `<namespace>/site-items` (wix.config.json). */
export default extensions.dataCollections({
  id: '215eed84-683f-4e67-abfa-5b8b0db4d4bf',
  name: 'Inbox identity collections',
  collections: [siteItems],
});
