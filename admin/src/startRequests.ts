import { startSession } from './auth/authProvider';
import { prefetchList } from './data/dataProvider';
import { CUSTOMER_LIST_DEFAULTS } from './customers/CustomerList';

/** Where react-admin's localStorage store keeps a list's last filter, sort and page (ra-core's localStorageStore). */
const storedListParams = (resource: string) => `RaStore.${resource}.listParams`;

/**
 * The first screen's requests, started before React renders instead of one after the other as
 * each component mounts: the session (`/api/auth/me`) at once, and when the address is the
 * customer list with nothing chosen (no filter, sort or page in the address or kept from an
 * earlier visit), its first page as soon as the session is known. The list's page takes that
 * answer instead of asking again (data/dataProvider.ts prefetchList); any other screen asks for
 * its own data as before.
 */
export function startRequests(): void {
  const session = startSession();
  if (!/^#\/customers\/?$/.test(window.location.hash)) return;
  try {
    if (window.localStorage.getItem(storedListParams('customers')) !== null) return;
  } catch {
    return; // storage blocked: react-admin falls back to memory, nothing to read here
  }
  void session.then((me) => {
    if (!me) return;
    prefetchList('customers', {
      pagination: { page: 1, perPage: CUSTOMER_LIST_DEFAULTS.perPage },
      sort: { ...CUSTOMER_LIST_DEFAULTS.sort },
      filter: {},
    });
  });
}
