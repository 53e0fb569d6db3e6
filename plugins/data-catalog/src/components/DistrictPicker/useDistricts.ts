import { useEffect } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { dataCatalogApiRef, DistrictList } from '../../api';

/** Districts of the catalog, without the BOCES groups above them. */
export function useDistricts() {
  const api = useApi(dataCatalogApiRef);

  return useAsync(async (): Promise<DistrictList> => {
    const list = await api.listDistricts();
    return { ...list, items: list.items.filter(d => d.type === 'district') };
  }, [api]);
}

const PARAM = 'district';
const STORAGE_KEY = 'data-catalog:district';

/**
 * The chosen district's name, kept in the URL query `?district=` so that a
 * link can be shared. The tabs of the data catalog page link to each other
 * without the query, so the last choice is also kept for the browser tab's
 * session and put back into the URL when a page opens without one.
 */
export function useDistrictParam(): [
  string | undefined,
  (name: string | undefined) => void,
] {
  const [params, setParams] = useSearchParams();
  const name = params.get(PARAM) || undefined;

  useEffect(() => {
    const remembered = readRemembered();
    if (!name && remembered) {
      setParams(
        current => {
          const next = new URLSearchParams(current);
          next.set(PARAM, remembered);
          return next;
        },
        { replace: true },
      );
    } else if (name && name !== remembered) {
      remember(name);
    }
  }, [name, setParams]);

  const setName = (next: string | undefined) => {
    remember(next);
    setParams(current => {
      const updated = new URLSearchParams(current);
      if (next) {
        updated.set(PARAM, next);
      } else {
        updated.delete(PARAM);
      }
      return updated;
    });
  };

  return [name, setName];
}

// Session storage can be unavailable (private modes, blocked cookies); the
// URL still works without it, so failures are of no consequence.
function readRemembered(): string | undefined {
  try {
    return window.sessionStorage.getItem(STORAGE_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

function remember(name: string | undefined) {
  try {
    if (name) {
      window.sessionStorage.setItem(STORAGE_KEY, name);
    } else {
      window.sessionStorage.removeItem(STORAGE_KEY);
    }
  } catch {
    // See readRemembered.
  }
}
