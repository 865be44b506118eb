import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import("next").NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // Lets two builds live side by side (e.g. a developer's `next dev` and the end-to-end build).
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // No `output: "standalone"`: the custom server (server/index.ts) boots Next itself (shared/notes/stack.md).
};

export default withNextIntl(nextConfig);
