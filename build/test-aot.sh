#!/usr/bin/env bash
# The end-to-end tests (those that run the tool as a user would: apply, rollback, diff, lint, GitHub, Kubernetes)
# against the Native AOT executable instead of the in-process tool. Octokit, KubernetesClient and YamlDotNet use
# reflection, which Native AOT keeps only for what the build roots: these runs are what shows the published binary
# works.
# Usage: build/test-aot.sh            (publishes with build/publish-aot.sh first)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/build/ensure-postgres.sh"
exe="$("$root/build/publish-aot.sh")"
classes=(ApplyLintGateTests ApplyTests CliAppTests ConnectionTests DiffCommentEndToEndTests DiffTaskTests ExampleLintTests
         FaultTests KubernetesApplyTests LedgerTaskTests LedgerTests LintFixTests LintTaskTests ProdApplyApprovalTests
         ProdApplyTaskTests RollbackTaskTests)
filter="$(printf 'FullyQualifiedName~.%s.|' "${classes[@]}")"
CI_MIGRATE_EXE="$exe" dotnet test "$root/CiMigrate.sln" -c Release --filter "${filter%|}"
