#!/usr/bin/env bash
# The release's edit of the action metadata: action.yml runs the image published for <version>
# (docker://<image>:<version>, so no job builds it) and setup/action.yml installs that version's binary by default.
# Refuses anything but a plain version (1.2.3, 1.2.3-rc.1) and leaves the files untouched then.
# Usage: build/pin-action-image.sh <version> [folder (default: this repository)] [image (default: ghcr.io/tower-fleet/ci-migrate)]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
version="${1:-}"
folder="${2:-$root}"
image="${3:-ghcr.io/tower-fleet/ci-migrate}"

fail() {
  echo "pin-action-image: $1" >&2
  exit 2
}

# Semantic versioning's core, with an optional pre-release; no leading v, no build metadata (a Docker tag has no '+').
[[ "$version" =~ ^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?$ ]] \
  || fail "'$version' is not a version like 1.2.3 or 1.2.3-rc.1 (no leading v)"
[[ "$image" =~ ^[a-z0-9.-]+(:[0-9]+)?(/[a-z0-9._-]+)+$ ]] || fail "'$image' is not an image name like ghcr.io/owner/name"

action="$folder/action.yml"
setup="$folder/setup/action.yml"
for file in "$action" "$setup"; do
  [[ -f "$file" ]] || fail "$file does not exist"
done

# Exactly one line of each kind, or the file is not what this script knows how to edit.
count() { grep -cE "$1" "$2" || true; }
[[ "$(count '^  image: docker://' "$action")" == 1 ]] || fail "$action: expected one line '  image: docker://...' under runs"
[[ "$(count '^    default: "[^"]*" # ci-migrate version$' "$setup")" == 1 ]] \
  || fail "$setup: expected one line '    default: \"...\" # ci-migrate version' (the version input)"

# Edit copies, then move both in place: a failure leaves neither file half-edited.
sed -E "s|^  image: docker://.*$|  image: docker://$image:$version|" "$action" >"$action.pinned"
sed -E "s|^    default: \"[^\"]*\" # ci-migrate version$|    default: \"$version\" # ci-migrate version|" "$setup" >"$setup.pinned"
mv "$action.pinned" "$action"
mv "$setup.pinned" "$setup"
echo "action.yml runs docker://$image:$version; setup/action.yml installs $version by default"
