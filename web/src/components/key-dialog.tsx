/** Asks for the API key once, when a mutating action first answers 401; the key stays for the browser session. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { setKeyPrompt } from '../api';

interface Pending {
  reason: string;
  resolve: (key: string | null) => void;
}

export function KeyDialog() {
  const [pending, setPending] = useState<Pending | null>(null);
  const [value, setValue] = useState('');
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    setKeyPrompt((reason) => new Promise((resolve) => setPending({ reason, resolve })));
  }, []);
  useEffect(() => {
    if (pending) input.current?.focus();
  }, [pending]);
  if (!pending) return null;

  const finish = (key: string | null) => {
    pending.resolve(key && key.trim() ? key.trim() : null);
    setPending(null);
    setValue('');
  };
  return (
    <div class="backdrop" role="dialog" aria-modal="true" aria-labelledby="key-title">
      <form
        class="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          finish(value);
        }}
        onKeyDown={(e) => e.key === 'Escape' && finish(null)}
      >
        <h2 id="key-title">API key</h2>
        <p>{pending.reason} It is kept for this browser tab only.</p>
        <label>
          Key
          <input
            ref={input}
            type="password"
            autocomplete="off"
            value={value}
            onInput={(e) => setValue(e.currentTarget.value)}
          />
        </label>
        <div class="actions">
          <button type="submit">Use key</button>
          <button type="button" class="secondary" onClick={() => finish(null)}>
            Cancel
          </button>
        </div>
      </form>
    </div>
  );
}
