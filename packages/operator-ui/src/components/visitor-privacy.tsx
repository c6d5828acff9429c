// The visitor panel's privacy section for admins: download everything stored about the visitor, or erase it after
// typing ERASE or their id.

import type { VisitorErased } from '@livechat/protocol';
import { useState } from 'preact/hooks';
import { errorText } from '../state/live.ts';
import { ERASE_WORD, erasedSummary, eraseConfirmed, exportFileName } from '../state/privacy.ts';
import { type PrivacyApi, privacyApi } from '../transport/privacy.ts';
import { TextField } from './field.tsx';

/** Saves a JSON value as a file through the browser's download. */
export function downloadJson(fileName: string, data: unknown): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has handed the data to the download; the page keeps no copy.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

type Step =
  | { kind: 'idle' }
  | { kind: 'exporting' }
  | { kind: 'exported'; fileName: string }
  | { kind: 'confirming'; typed: string; busy: boolean }
  | { kind: 'erased'; result: VisitorErased };

export function VisitorPrivacy({
  visitorId,
  api = privacyApi,
  download = downloadJson,
}: {
  visitorId: string;
  api?: Pick<PrivacyApi, 'exportVisitor' | 'eraseVisitor'>;
  download?: (fileName: string, data: unknown) => void;
}) {
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [error, setError] = useState<string | null>(null);

  async function exportData() {
    setStep({ kind: 'exporting' });
    setError(null);
    try {
      const data = await api.exportVisitor(visitorId);
      const fileName = exportFileName(visitorId);
      download(fileName, data);
      setStep({ kind: 'exported', fileName });
    } catch (failure) {
      setStep({ kind: 'idle' });
      setError(`The data could not be exported: ${errorText(failure)}`);
    }
  }

  async function erase(typed: string) {
    if (!eraseConfirmed(typed, visitorId)) return;
    setStep({ kind: 'confirming', typed, busy: true });
    setError(null);
    try {
      // The server asks for the id whichever of the two was typed: the word only guards against a slip here.
      const result = await api.eraseVisitor(visitorId, { confirm: visitorId });
      setStep({ kind: 'erased', result });
    } catch (failure) {
      setStep({ kind: 'confirming', typed, busy: false });
      setError(`The visitor could not be erased: ${errorText(failure)}`);
    }
  }

  if (step.kind === 'erased') {
    return (
      <p class="form__ok" role="status" data-testid="op-visitor-erased">
        {erasedSummary(step.result)}
      </p>
    );
  }
  return (
    <div class="privacy">
      {step.kind === 'confirming' ? (
        <EraseConfirmation
          visitorId={visitorId}
          typed={step.typed}
          busy={step.busy}
          onType={(typed) => setStep({ kind: 'confirming', typed, busy: false })}
          onErase={() => void erase(step.typed)}
          onKeep={() => {
            setStep({ kind: 'idle' });
            setError(null);
          }}
        />
      ) : (
        <div class="privacy__actions">
          <button
            type="button"
            class="button button--small"
            disabled={step.kind === 'exporting'}
            onClick={() => void exportData()}
            data-testid="op-visitor-export"
          >
            {step.kind === 'exporting' ? 'Exporting…' : 'Export data'}
          </button>
          <button
            type="button"
            class="button button--small button--danger"
            onClick={() => setStep({ kind: 'confirming', typed: '', busy: false })}
            data-testid="op-visitor-erase"
          >
            Erase visitor
          </button>
        </div>
      )}
      {step.kind === 'exported' && (
        <p class="panel__muted" role="status" data-testid="op-visitor-exported">
          Downloaded {step.fileName}.
        </p>
      )}
      {error && (
        <p class="form__error" role="alert" data-testid="op-visitor-privacy-error">
          {error}
        </p>
      )}
    </div>
  );
}

function EraseConfirmation({
  visitorId,
  typed,
  busy,
  onType,
  onErase,
  onKeep,
}: {
  visitorId: string;
  typed: string;
  busy: boolean;
  onType: (typed: string) => void;
  onErase: () => void;
  onKeep: () => void;
}) {
  const ready = eraseConfirmed(typed, visitorId);
  return (
    <form
      class="privacy__confirm"
      aria-label="Confirm erasing this visitor"
      onSubmit={(event) => {
        event.preventDefault();
        if (ready && !busy) onErase();
      }}
    >
      <p class="privacy__warning">
        This deletes the visitor’s messages, conversations, page views and contact details for good, and closes their
        open chat. Tickets and leads made from their conversations stay, with the visitor replaced by “[erased
        visitor]”.
      </p>
      <TextField
        label={
          <>
            Type <strong>{ERASE_WORD}</strong> or the visitor’s id to confirm
          </>
        }
        hint={
          <>
            Visitor id: <code class="privacy__id">{visitorId}</code>
          </>
        }
        value={typed}
        autoComplete="off"
        autoFocus
        spellcheck={false}
        onInput={(event) => onType(event.currentTarget.value)}
        data-testid="op-visitor-erase-input"
      />
      <div class="form__actions">
        <button
          type="submit"
          class="button button--small button--danger"
          disabled={!ready || busy}
          data-testid="op-visitor-erase-confirm"
        >
          {busy ? 'Erasing…' : 'Erase for good'}
        </button>
        <button type="button" class="button button--small button--quiet" onClick={onKeep}>
          Keep
        </button>
      </div>
    </form>
  );
}
