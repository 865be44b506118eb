import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import("next").NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // Lets two builds live side by side (e.g. a developer's `next dev` and the end-to-end build).
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  experimental: {
    // The styles come inside the HTML instead of as four stylesheets that the first paint waits for: those requests
    // queue behind the page's own rendering on the one Node process (docs/bed-view.md, first draw).
    inlineCss: true,
  },
  // NLM's UCUM library reads its unit tables at load: loaded by Node as it is, not bundled (lib/units).
  serverExternalPackages: ["@lhncbc/ucum-lhc"],
  // No `output: "standalone"`: the custom server (server/index.ts) boots Next itself (docs/stack.md).
};

export default withNextIntl(nextConfig);
