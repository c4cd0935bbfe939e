/**
 * `node dist/cli/prepare-template.js`: writes the prepared embedded data directory that a first
 * start copies instead of running initdb (src/db/embedded-template.ts). Run by the build.
 */
import { templatePath, writeEmbeddedTemplate } from '../db/embedded-template.js';

const quiet = { info() {}, warn() {}, error() {} };
const path = templatePath();
await writeEmbeddedTemplate(path, quiet);
process.stderr.write(`build: wrote the embedded database template ${path}\n`);
