import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { openCacheEarly } from '../lib/store/early-cache';

// A classic script at the top of popup.html: the cache opens while the popup's modules load.
export default defineUnlistedScript(() => openCacheEarly());
