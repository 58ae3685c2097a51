/** Create an API key (name, role, expiry), then show its secret once, with a copy button. */
import { useState } from 'react';
import { useMetadata } from '../app/metadata-context.js';
import { TextInput } from '../studio/inputs.js';
import { Dialog } from '../ui/Dialog.js';
import { ErrorBanner } from '../ui/Feedback.js';
import { Icon } from '../ui/Icon.js';
import { createApiKey, type ApiKey } from './admin-api.js';
import { EXPIRY_CHOICES, expiryToIso, type ExpiryChoice } from './key-expiry.js';
import { roleOptions } from './role-options.js';
import { useSubmit } from '../lib/use-submit.js';

export function CreateApiKeyDialog({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: () => void }) {
  const [created, setCreated] = useState<{ apiKey: ApiKey; secret: string } | null>(null);
  const close = () => {
    setCreated(null);
    onClose();
  };
  return (
    <Dialog open={open} title={created ? 'Copy your API key' : 'Create API key'} onClose={close}>
      {open &&
        (created ? (
          <SecretView created={created} onDone={close} />
        ) : (
          <CreateKeyForm
            onCancel={close}
            onCreated={(c) => {
              setCreated(c);
              onCreated();
            }}
          />
        ))}
    </Dialog>
  );
}

function CreateKeyForm({ onCancel, onCreated }: { onCancel: () => void; onCreated: (c: { apiKey: ApiKey; secret: string }) => void }) {
  const { doc } = useMetadata();
  const roles = roleOptions(doc);
  const [name, setName] = useState('');
  const [role, setRole] = useState(roles.find((r) => r.name !== 'admin')?.name ?? 'admin');
  const [expiry, setExpiry] = useState<ExpiryChoice>('90');
  const [date, setDate] = useState('');
  const expiresAt = expiryToIso(expiry, date);
  const { tried, busy, error, onSubmit } = useSubmit(
    () => name.trim() !== '' && !('error' in expiresAt),
    async () => {
      if ('error' in expiresAt) return;
      onCreated(await createApiKey({ name: name.trim(), role, expiresAt: expiresAt.iso }));
    },
  );

  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      {error && <ErrorBanner>{error.message}</ErrorBanner>}
      <TextInput label="Name" hint="What uses the key, so you know what breaks when you revoke it." value={name} onChange={setName} autoFocus placeholder="Billing sync" errors={tried && !name.trim() ? ['Give the key a name.'] : undefined} />
      <div className="field">
        <label className="field-label" htmlFor="key-role">
          Role
        </label>
        <select id="key-role" className="input" value={role} onChange={(e) => setRole(e.target.value)}>
          {roles.map((r) => (
            <option key={r.name} value={r.name}>
              {r.label}
            </option>
          ))}
        </select>
        <p className="field-help">{role === 'admin' ? 'Full access to everything: prefer a narrower role for integrations.' : roles.find((r) => r.name === role)?.description ?? 'The key acts with this role’s access.'}</p>
      </div>
      <div className="grid-2">
        <div className="field">
          <label className="field-label" htmlFor="key-expiry">
            Expires
          </label>
          <select id="key-expiry" className="input" value={expiry} onChange={(e) => setExpiry(e.target.value as ExpiryChoice)}>
            {EXPIRY_CHOICES.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
        {expiry === 'date' && (
          <div className={tried && 'error' in expiresAt ? 'field invalid' : 'field'}>
            <label className="field-label" htmlFor="key-expiry-date">
              Expiry date
            </label>
            <input id="key-expiry-date" className="input" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
            {tried && 'error' in expiresAt && <p className="field-error">{expiresAt.error}</p>}
          </div>
        )}
      </div>
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create key'}
        </button>
      </div>
    </form>
  );
}

function SecretView({ created, onDone }: { created: { apiKey: ApiKey; secret: string }; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(created.secret);
      setCopied(true);
    } catch {
      // No clipboard permission (http, an iframe): select the text so Ctrl+C works.
      const range = document.createRange();
      const node = document.getElementById('api-key-secret');
      if (node) {
        range.selectNodeContents(node);
        window.getSelection()?.removeAllRanges();
        window.getSelection()?.addRange(range);
      }
    }
  };
  return (
    <div className="stack">
      <p>
        The key <strong>{created.apiKey.name}</strong> is ready.
      </p>
      <div className="secret-box">
        <code id="api-key-secret" className="secret-value" aria-label="API key secret">
          {created.secret}
        </code>
        <button type="button" className="btn btn-small" onClick={() => void copy()}>
          <Icon name={copied ? 'check' : 'copy'} /> {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
      <div className="banner banner-warning" role="note">
        <Icon name="warning" />
        <div className="banner-text">
          <strong>This is the only time the key is shown.</strong>
          <span>Trellis stores only a hash of it. Put it in your integration’s secret store now; if it is lost, revoke it and create a new one.</span>
        </div>
      </div>
      <p className="muted small">
        Use it as <code>Authorization: Bearer {created.apiKey.prefix}…</code> on <code>/graphql</code>.
      </p>
      <div className="dialog-actions">
        <button type="button" className="btn btn-primary" onClick={onDone} autoFocus>
          I have stored the key
        </button>
      </div>
    </div>
  );
}
