import { createMemoryStore } from '../../src/store/memory-store.js';
import { storeBattery } from './store-battery.js';

storeBattery('in-memory reference', async () => ({ store: createMemoryStore() }));
