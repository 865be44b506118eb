import { request, type IncomingHttpHeaders } from "node:http";

export interface TRawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * An HTTP request with exactly the headers given, for what fetch will not send as a browser would: fetch (undici)
 * always says `Sec-Fetch-Mode: cors`, where a browser opening a page says `navigate`. Redirects are not followed.
 */
export function rawRequest(
  url: string,
  { method = "GET", headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<TRawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** A browser opening a page (typing its address, following a link): what counts as a person's activity. */
export function navigate(url: string, cookie?: string): Promise<TRawResponse> {
  return rawRequest(url, {
    headers: {
      accept: "text/html,application/xhtml+xml",
      "sec-fetch-mode": "navigate",
      "sec-fetch-site": "same-origin",
      ...(cookie ? { cookie } : {}),
    },
  });
}
