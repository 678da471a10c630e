/**
 * One Content-Security-Policy for both transports. No inline or eval'd scripts; styles may be
 * inline because Mantine sets CSS variables on elements.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' klankbord-media:",
  "font-src 'self' data:",
  "connect-src 'self' klankbord-media:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
