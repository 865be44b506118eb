import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

export interface TSecurityHeadersOptions {
  /** Next in development runs React's dev build, which needs eval; production never gets 'unsafe-eval'. */
  dev: boolean;
  /** Behind TLS: HSTS. */
  secure: boolean;
}

/**
 * Headers every answer carries. The Content-Security-Policy takes a fresh nonce per request and is also set on the
 * *request*, where Next reads it and puts the nonce on its own inline scripts (Next's documented CSP-with-nonce
 * mechanism); nothing else may run script. Styles allow inline attributes: React and recharts write style="...".
 */
export function applySecurityHeaders(
  req: IncomingMessage,
  res: ServerResponse,
  options: TSecurityHeadersOptions,
): void {
  const nonce = randomBytes(16).toString("base64");
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    // 'self' covers the same-origin websocket in current browsers; ws(s): is spelled out for older ones.
    `connect-src 'self'${options.dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  req.headers["content-security-policy"] = csp;
  res.setHeader("Content-Security-Policy", csp);
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("X-Frame-Options", "DENY");
  // same-origin rather than no-referrer: with no-referrer a browser sends "Origin: null" on same-origin posts, which
  // the CSRF check would then refuse.
  res.setHeader("Referrer-Policy", "same-origin");
  res.setHeader(
    "Permissions-Policy",
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), hid=(), fullscreen=(self)",
  );
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  res.setHeader("Cross-Origin-Resource-Policy", "same-origin");
  if (options.secure) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
}
