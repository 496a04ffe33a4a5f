// IndexedDB for the cache tests; the extension APIs come from WxtVitest's fakeBrowser.
import 'fake-indexeddb/auto';
