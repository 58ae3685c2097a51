/**
 * A small rich-text editor: a toolbar (bold, italic, bulleted and numbered lists, link, remove link) over a
 * contentEditable area that is a labelled, multi-line textbox. What it shows and what it emits is always
 * sanitized by the runtime's `sanitizeRichText`, the same function the server applies on every write.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { linkFromInput, safeRichTextHtml } from '../../lib/field-values.js';
import { Icon } from '../../ui/Icon.js';

interface Props {
  id: string;
  label: string;
  value: string | null | undefined;
  disabled?: boolean;
  invalid?: boolean;
  required?: boolean;
  describedBy?: string;
  onChange: (html: string | null) => void;
  onBlur: () => void;
}

type Command = { name: string; label: string; icon: ReactNode; shortcut?: string; run: () => void };

export function RichTextEditor({ id, label, value, disabled, invalid, required, describedBy, onChange, onBlur }: Props) {
  const area = useRef<HTMLDivElement>(null);
  const emitted = useRef<string | null | undefined>(undefined);
  const [linkError, setLinkError] = useState<string | null>(null);

  // Only an outside change of the value (load, discard) replaces the content: typing keeps the caret.
  useEffect(() => {
    const el = area.current;
    if (!el || value === emitted.current) return;
    el.innerHTML = safeRichTextHtml(value ?? '');
    emitted.current = value;
  }, [value]);

  const emit = () => {
    const el = area.current;
    if (!el) return;
    const html = safeRichTextHtml(el.innerHTML);
    const next = el.textContent?.trim() ? html : null;
    emitted.current = next;
    onChange(next);
  };

  const exec = (command: string, arg?: string) => {
    area.current?.focus();
    document.execCommand(command, false, arg);
    emit();
  };

  const addLink = () => {
    const input = window.prompt('Link address (https://…, or an email address)');
    if (input === null) return;
    const link = linkFromInput(input);
    if ('error' in link) {
      setLinkError(link.error);
      return;
    }
    setLinkError(null);
    exec('createLink', link.url);
  };

  const commands: Command[] = [
    { name: 'bold', label: 'Bold', icon: 'B', shortcut: 'Control+B', run: () => exec('bold') },
    { name: 'italic', label: 'Italic', icon: 'I', shortcut: 'Control+I', run: () => exec('italic') },
    { name: 'ul', label: 'Bulleted list', icon: '•', run: () => exec('insertUnorderedList') },
    { name: 'ol', label: 'Numbered list', icon: '1.', run: () => exec('insertOrderedList') },
    { name: 'link', label: 'Add link', icon: <Icon name="link" size={14} />, run: addLink },
    { name: 'unlink', label: 'Remove link', icon: 'Unlink', run: () => exec('unlink') },
  ];

  const errorId = `${id}__link-error`;
  return (
    <div className={invalid ? 'rich-text invalid' : 'rich-text'}>
      <div role="toolbar" aria-label={`${label} formatting`} aria-controls={id} className="rich-text-toolbar">
        {commands.map((c) => (
          <button
            key={c.name}
            type="button"
            className={`btn btn-small rich-text-${c.name}`}
            aria-label={c.label}
            title={c.shortcut ? `${c.label} (${c.shortcut.replace('Control', 'Ctrl')})` : c.label}
            aria-keyshortcuts={c.shortcut}
            disabled={disabled}
            // Keep the selection in the text while clicking.
            onMouseDown={(e) => e.preventDefault()}
            onClick={c.run}
          >
            <span aria-hidden="true">{c.icon}</span>
          </button>
        ))}
      </div>
      <div
        ref={area}
        id={id}
        className="input rich-text-area"
        role="textbox"
        aria-multiline="true"
        aria-label={label}
        aria-required={required || undefined}
        aria-invalid={invalid || undefined}
        aria-describedby={[describedBy, linkError ? errorId : ''].filter(Boolean).join(' ') || undefined}
        contentEditable={!disabled}
        suppressContentEditableWarning
        tabIndex={0}
        onInput={emit}
        onBlur={() => {
          // Show what will be stored: the sanitized markup.
          const el = area.current;
          if (el && emitted.current !== undefined && el.innerHTML !== (emitted.current ?? '')) el.innerHTML = emitted.current ?? '';
          onBlur();
        }}
        onPaste={(e) => {
          // Pasted markup is sanitized right away, so nothing unsafe ever sits in the editor.
          e.preventDefault();
          const html = e.clipboardData.getData('text/html');
          const text = e.clipboardData.getData('text/plain');
          if (html) document.execCommand('insertHTML', false, safeRichTextHtml(html));
          else document.execCommand('insertText', false, text);
          emit();
        }}
      />
      {linkError && (
        <p className="field-error" id={errorId} role="alert">
          {linkError}
        </p>
      )}
    </div>
  );
}

/** Rich text shown read-only: sanitized HTML only. */
export function RichTextView({ value }: { value: unknown }) {
  return <div className="rich-text-view" dangerouslySetInnerHTML={{ __html: safeRichTextHtml(value) }} />;
}
