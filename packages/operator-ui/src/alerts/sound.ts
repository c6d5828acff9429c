// A short two-note tone made with Web Audio: nothing to download, so the strict content policy allows it.

let context: AudioContext | null = null;

/**
 * Browsers start audio only after the page was used: a tab restored with its session and never
 * clicked would stay silent. The first click or key anywhere readies the audio for later alerts.
 */
export function readyAudioOnFirstUse(): () => void {
  const ready = () => {
    if (typeof AudioContext === 'undefined') return;
    try {
      context ??= new AudioContext();
      if (context.state === 'suspended') void context.resume().catch(() => undefined);
    } catch {
      // No audio here: alerts still show on the desktop.
    }
  };
  document.addEventListener('pointerdown', ready, { once: true });
  document.addEventListener('keydown', ready, { once: true });
  return () => {
    document.removeEventListener('pointerdown', ready);
    document.removeEventListener('keydown', ready);
  };
}

export function playTone(): void {
  if (typeof AudioContext === 'undefined') return;
  try {
    context ??= new AudioContext();
    // A context made before any click starts suspended; resuming asks again once the page was used.
    if (context.state === 'suspended') void context.resume().catch(() => undefined);
    const start = context.currentTime;
    note(context, 880, start, 0.12);
    note(context, 1320, start + 0.13, 0.16);
  } catch {
    // No audio device, or the browser refused: the desktop notification still tells.
  }
}

function note(audio: AudioContext, frequency: number, at: number, length: number): void {
  const oscillator = audio.createOscillator();
  const gain = audio.createGain();
  oscillator.type = 'sine';
  oscillator.frequency.value = frequency;
  gain.gain.setValueAtTime(0.0001, at);
  gain.gain.exponentialRampToValueAtTime(0.18, at + 0.02);
  gain.gain.exponentialRampToValueAtTime(0.0001, at + length);
  oscillator.connect(gain);
  gain.connect(audio.destination);
  oscillator.start(at);
  oscillator.stop(at + length + 0.02);
}
