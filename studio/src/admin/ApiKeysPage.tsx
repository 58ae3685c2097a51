/** Administration → API keys: keys acting with one role for integrations; the secret is shown once. */
import { useState } from 'react';
import { useMetadata } from '../app/metadata-context.js';
import { formatDate, formatDateTime, relativeTime } from '../lib/format.js';
import { useAsync } from '../lib/use-async.js';
import { ConfirmDialog } from '../ui/Dialog.js';
import { EmptyState, ErrorBanner, Spinner } from '../ui/Feedback.js';
import { Icon } from '../ui/Icon.js';
import { useToast } from '../ui/Toast.js';
import { fetchApiKeys, revokeApiKey, type ApiKey } from './admin-api.js';
import { AdminHeader } from './AdminHeader.js';
import { CreateApiKeyDialog } from './CreateApiKeyDialog.js';
import { keyState } from './key-expiry.js';
import { roleLabel } from './role-options.js';

const STATE_BADGE = { active: 'status status-on', expired: 'status status-locked', revoked: 'status status-off' } as const;
const STATE_LABEL = { active: 'Active', expired: 'Expired', revoked: 'Revoked' } as const;

export function ApiKeysPage() {
  const { doc } = useMetadata();
  const keys = useAsync(() => fetchApiKeys(), []);
  const toast = useToast();
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const [busy, setBusy] = useState(false);

  const revoke = async (key: ApiKey) => {
    setBusy(true);
    try {
      await revokeApiKey(key.id);
      toast(`API key ${key.name} revoked`);
      keys.reload();
    } catch (e) {
      toast((e as Error).message, 'error');
    } finally {
      setBusy(false);
      setRevoking(null);
    }
  };

  return (
    <div className="page page-wide">
      <AdminHeader
        title="API keys"
        subtitle="Keys let other systems use the GraphQL API with the access of one role. Send them as Authorization: Bearer <key>."
        action={
          <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
            <Icon name="plus" /> Create API key
          </button>
        }
      />
      {keys.error && (
        <ErrorBanner title="Cannot load the API keys" onRetry={keys.reload}>
          {keys.error.message}
        </ErrorBanner>
      )}
      {keys.loading && !keys.data && <Spinner label="Loading API keys" />}
      {keys.data && keys.data.length === 0 && (
        <EmptyState title="No API keys" action={<button type="button" className="btn" onClick={() => setCreating(true)}>Create the first key</button>}>
          Create a key for each integration, with the narrowest role that does its job.
        </EmptyState>
      )}
      {keys.data && keys.data.length > 0 && (
        <div className="table-wrap">
          <table className="data-table admin-table" aria-label="API keys">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Key</th>
                <th scope="col">Role</th>
                <th scope="col">Created by</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">Expires</th>
                <th scope="col">Status</th>
                <th scope="col" className="actions-col"><span className="visually-hidden">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {keys.data.map((k) => {
                const state = keyState(k);
                return (
                  <tr key={k.id} className={state === 'active' ? undefined : 'row-inactive'}>
                    <td className="strong">{k.name}</td>
                    <td>
                      <code className="key-prefix">{k.prefix}…</code>
                    </td>
                    <td>
                      <span className={k.role === 'admin' ? 'chip chip-purple' : 'chip chip-indigo'}>{roleLabel(k.role, doc)}</span>
                    </td>
                    <td>{k.createdBy?.name ?? <span className="muted">Removed user</span>}</td>
                    <td>
                      <time dateTime={k.createdAt} title={formatDateTime(k.createdAt)}>{formatDate(k.createdAt)}</time>
                    </td>
                    <td>
                      {k.lastUsedAt ? (
                        <time dateTime={k.lastUsedAt} title={formatDateTime(k.lastUsedAt)}>{relativeTime(k.lastUsedAt)}</time>
                      ) : (
                        <span className="muted">Never</span>
                      )}
                    </td>
                    <td>{k.expiresAt ? <time dateTime={k.expiresAt}>{formatDate(k.expiresAt)}</time> : <span className="muted">Never</span>}</td>
                    <td>
                      <span className={STATE_BADGE[state]} title={k.revokedAt ? `Revoked ${formatDateTime(k.revokedAt)}` : undefined}>
                        {STATE_LABEL[state]}
                      </span>
                    </td>
                    <td className="actions-col">
                      {state === 'active' && (
                        <button type="button" className="btn btn-small btn-danger-ghost" aria-label={`Revoke API key ${k.name}`} onClick={() => setRevoking(k)}>
                          Revoke
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <CreateApiKeyDialog open={creating} onClose={() => setCreating(false)} onCreated={keys.reload} />
      <ConfirmDialog
        open={!!revoking}
        title={`Revoke API key ${revoking?.name}?`}
        confirmLabel="Revoke key"
        danger
        busy={busy}
        onCancel={() => setRevoking(null)}
        onConfirm={() => revoking && void revoke(revoking)}
      >
        <p>Requests with this key are refused from now on. This cannot be undone: create a new key if the integration needs one again.</p>
      </ConfirmDialog>
    </div>
  );
}
