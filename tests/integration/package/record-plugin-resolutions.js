// Preloaded (NODE_OPTIONS=--require) into the host app: appends to RESOLUTION_LOG every file
// Node resolves whose path contains one of RESOLUTION_WATCH (JSON array), so a test can tell
// which copy of the plugin the app loaded.
const fs = require('node:fs');
const Module = require('node:module');

const logFile = process.env.RESOLUTION_LOG;
const watched = JSON.parse(process.env.RESOLUTION_WATCH || '[]');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (...args) {
  const filename = resolve.apply(this, args);
  if (logFile && watched.some((part) => filename.includes(part))) fs.appendFileSync(logFile, `${filename}\n`);
  return filename;
};
