// The host's side of iframe mode: follows the widget's height so the page never shows a second
// scrollbar. Accepts only messages from the iframe's own window and origin.
const frame = document.getElementById('welfare-check-frame');
const origin = new URL(frame.src, location.href).origin;
window.addEventListener('message', (event) => {
  if (event.source !== frame.contentWindow || event.origin !== origin) return;
  const { type, version, height } = event.data ?? {};
  if (type === 'welfare-check:resize' && version === 1 && Number.isFinite(height)) {
    frame.style.height = `${Math.ceil(height)}px`;
  }
});
