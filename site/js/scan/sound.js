// One sound per kind of answer (WebAudio, nothing to download): two rising notes for "come in",
// one low buzz for "no", a middle note for "look at the screen" (already in, waiting list).
let audio = null;

/** Browsers start audio only after a gesture: called from the first click or key. */
export function unlock() {
  if (!audio && (window.AudioContext || window.webkitAudioContext)) {
    try { audio = new (window.AudioContext || window.webkitAudioContext)(); } catch { audio = null; }
  }
  if (audio && audio.state === 'suspended') audio.resume().catch(() => {});
}

function note(frequency, start, length, type = 'sine') {
  const oscillator = audio.createOscillator();
  const gain = audio.createGain();
  oscillator.type = type;
  oscillator.frequency.value = frequency;
  gain.gain.setValueAtTime(0.0001, audio.currentTime + start);
  gain.gain.exponentialRampToValueAtTime(0.3, audio.currentTime + start + 0.01);
  gain.gain.exponentialRampToValueAtTime(0.0001, audio.currentTime + start + length);
  oscillator.connect(gain).connect(audio.destination);
  oscillator.start(audio.currentTime + start);
  oscillator.stop(audio.currentTime + start + length + 0.02);
}

/** tone: 'yes' | 'no' | 'look' */
export function beep(tone) {
  if (!audio) return;
  try {
    if (tone === 'yes') { note(880, 0, 0.12); note(1320, 0.13, 0.15); }
    else if (tone === 'no') note(180, 0, 0.45, 'square');
    else { note(660, 0, 0.2); note(660, 0.25, 0.2); }
  } catch { /* no sound, the screen still says it */ }
}
