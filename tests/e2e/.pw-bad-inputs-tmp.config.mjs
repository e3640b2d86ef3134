// Temporary (not committed): the suite's config on another port, while 4173 is taken.
import base from './playwright.config.mjs';
const PORT = 4199;
export default {
  ...base,
  outputDir: '/tmp/pw-bad-inputs-results',
  use: { ...base.use, baseURL: `http://127.0.0.1:${PORT}` },
  webServer: { ...base.webServer, command: `node ../../scripts/serve-dist.mjs ../../dist ${PORT} 127.0.0.1`, url: `http://127.0.0.1:${PORT}/` },
};
