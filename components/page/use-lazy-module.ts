import { useEffect, useState } from 'preact/hooks';
import { errorText } from '../../lib/text/error-text';

/**
 * A module loaded the first time `wanted` is true, then kept: views the manager tab does not open at
 * once (New IOCs, with the IOC extraction and the public-suffix list) stay out of its first load.
 */
export function useLazyModule<T>(
  load: () => Promise<T>,
  wanted: boolean,
): { module: T | null; error: string | null } {
  const [module, setModule] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!wanted || module) return;
    let live = true;
    load().then(
      (loaded) => live && setModule(() => loaded),
      (e: unknown) => live && setError(`This view could not be loaded: ${errorText(e)}`),
    );
    return () => {
      live = false;
    };
  }, [wanted, module, load]);
  return { module, error };
}
