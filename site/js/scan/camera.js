// The phone's camera reads QR codes: the browser's BarcodeDetector where it has one, otherwise
// jsQR (npm, bundled with the site at /vendor/jsQR.js, loaded only then). Frames are read a few
// times a second, scaled down, and the same code is not reported twice within a few seconds.
const SAME_CODE_MS = 3000;
const EVERY_MS = 120;
let jsQR = null;

function loadJsQR() {
  if (window.jsQR) return Promise.resolve(window.jsQR);
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/vendor/jsQR.js';
    script.onload = () => (window.jsQR ? resolve(window.jsQR) : reject(new Error('jsQR missing')));
    script.onerror = () => reject(new Error('jsQR not loaded'));
    document.head.append(script);
  });
}

async function detector() {
  if ('BarcodeDetector' in window) {
    try {
      const formats = await window.BarcodeDetector.getSupportedFormats();
      if (formats.includes('qr_code')) {
        const d = new window.BarcodeDetector({ formats: ['qr_code'] });
        return { name: 'BarcodeDetector', read: async video => (await d.detect(video))[0]?.rawValue || null };
      }
    } catch { /* fall back to jsQR */ }
  }
  jsQR = jsQR || await loadJsQR();
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  return {
    name: 'jsQR',
    read: async video => {
      const scale = Math.min(1, 640 / Math.max(video.videoWidth, video.videoHeight));
      canvas.width = Math.round(video.videoWidth * scale);
      canvas.height = Math.round(video.videoHeight * scale);
      if (!canvas.width || !canvas.height) return null;
      context.drawImage(video, 0, 0, canvas.width, canvas.height);
      const image = context.getImageData(0, 0, canvas.width, canvas.height);
      return jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' })?.data || null;
    },
  };
}

/**
 * Starts the camera into `video` and calls onCode(text) for each code read.
 * Returns { stop(), decoder } ; throws when there is no camera or it is refused.
 */
export async function startCamera(video, onCode) {
  const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
  video.srcObject = stream;
  video.muted = true;
  video.setAttribute('playsinline', '');
  await video.play();
  const decode = await detector();
  let running = true;
  let last = { text: null, at: 0 };
  (async function loop() {
    while (running) {
      try {
        const text = video.readyState >= 2 ? await decode.read(video) : null;
        if (text && (text !== last.text || Date.now() - last.at > SAME_CODE_MS)) {
          last = { text, at: Date.now() };
          onCode(text);
        } else if (text) last.at = Date.now();
      } catch { /* a bad frame: the next one */ }
      await new Promise(r => setTimeout(r, EVERY_MS));
    }
  })();
  return {
    decoder: decode.name,
    stop() {
      running = false;
      stream.getTracks().forEach(track => track.stop());
      video.srcObject = null;
    },
  };
}
