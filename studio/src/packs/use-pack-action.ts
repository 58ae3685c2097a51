/**
 * Sends an install / upgrade / uninstall and, when the server answers with the new metadata version, makes the
 * app run on it (navigation, lists, forms), says so, and goes back to the Packs page.
 */
import { useState } from 'react';
import { useMetadata } from '../app/metadata-context.js';
import { navigate } from '../app/router.js';
import { GraphQLRequestError, type MetadataProblem } from '../api/graphql-client.js';
import type { MetadataVersion } from '../api/metadata-api.js';
import { useToast } from '../ui/Toast.js';

export interface PackActionFailure {
  code: string;
  message: string;
  problems: MetadataProblem[];
}

export function usePackAction(done: (version: MetadataVersion) => string) {
  const { adopt, reload } = useMetadata();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<PackActionFailure | null>(null);

  const run = async (send: () => Promise<MetadataVersion>, onFailure?: (f: PackActionFailure) => void) => {
    setBusy(true);
    setFailure(null);
    try {
      const version = await send();
      adopt(version);
      toast(done(version));
      navigate('/studio/packs');
    } catch (e) {
      const f =
        e instanceof GraphQLRequestError
          ? { code: e.code, message: e.message, problems: e.problems }
          : { code: 'ERROR', message: (e as Error).message, problems: [] };
      setFailure(f);
      // Someone published meanwhile: the app picks up the newest version so the next preview is against it.
      if (f.code === 'VERSION_CONFLICT') void reload();
      onFailure?.(f);
    } finally {
      setBusy(false);
    }
  };
  return { busy, failure, run };
}
