// The ports of the built sites the browser tests visit. E2E_PORT lets several checkouts run
// their browser tests side by side; the site built under a base path (npm run build:base) is
// served 100 ports above it.
export const port = Number(process.env.E2E_PORT ?? 4329);
export const basePathOrigin = `http://127.0.0.1:${port + 100}`;
