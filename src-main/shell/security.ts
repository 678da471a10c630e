/**
 * One Content-Security-Policy for both transports: the Electron window (meta tag in
 * src-renderer/index.html, which a test keeps equal to `metaContentSecurityPolicy`, plus the header
 * for the dev server) and the web server's header.
 *
 * Scripts: only the app's own bundled files: no inline script, no eval, no other origin.
 * Styles: 'unsafe-inline' is needed because Mantine sets its theme and every component's
 * variables as inline `style` attributes and injects a `<style>` element at run time, and
 * wavesurfer.js puts a `<style>` element in its shadow root. Nonces cannot cover style attributes,
 * and a file:// page has no server to issue one. Inline CSS cannot run code.
 */
const directives = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' klankbord-media:",
  "font-src 'self' data:",
  "connect-src 'self' klankbord-media:",
  "worker-src 'none'",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
];

/** Browsers ignore these in a meta tag (and warn about them), so the meta tag leaves them out. */
const headerOnly = ['frame-ancestors', 'report-uri', 'sandbox'];

export const contentSecurityPolicy = directives.join('; ');

export const metaContentSecurityPolicy = directives.filter((d) => !headerOnly.includes(d.split(' ')[0] ?? '')).join('; ');
