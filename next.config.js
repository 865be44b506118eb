import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import("next").NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // No `output: "standalone"`: the custom server (server/index.ts) boots Next itself (shared/notes/stack.md).
};

export default withNextIntl(nextConfig);
