#!/usr/bin/env bash
# Local stand-ins for the Dockerfile's two bases, which cannot be pulled here (no registry but Debian's, NuGet and
# npm): a Debian bookworm root filesystem from Debian's packages (debootstrap), tagged
#   mcr.microsoft.com/dotnet/runtime-deps:10.0   + what runtime-deps holds: CA certificates, ICU, OpenSSL, zlib, tzdata
#   mcr.microsoft.com/dotnet/sdk:10.0            + the same, git and curl, and this machine's .NET SDK in /usr/share/dotnet
# so that `podman build --pull=never` builds the Dockerfile unchanged. Made once; remade when the SDK here changes.
# Both trust this machine's extra certificate authorities (/usr/local/share/ca-certificates: the egress proxy through
# which NuGet and Debian are reached here), as Microsoft's images trust the public ones.
# (Microsoft's images of .NET 10 are Ubuntu-based; the Dockerfile's steps work on either, see its comments.)
set -euo pipefail
sdk_version="$(dotnet --version)"
podman_flags=(--runtime runc --ulimit nofile=20000:20000 --ulimit nproc=4096:4096 --network host --pull=never)
work="${E2E_BASE_WORK:-/var/tmp/ci-migrate-e2e-base}"

stamp="$sdk_version $(cat /usr/local/share/ca-certificates/*.crt 2>/dev/null | sha256sum | cut -c1-12)"
label() { podman image inspect --format '{{ index .Labels "e2e.sdk" }}' "$1" 2>/dev/null || true; }
if [[ "$(label mcr.microsoft.com/dotnet/sdk:10.0)" == "$stamp" &&
      "$(label mcr.microsoft.com/dotnet/runtime-deps:10.0)" == "$stamp" ]]; then
  echo "base images: present (SDK $sdk_version)"
  exit 0
fi

if ! podman image exists localhost/e2e-debian:bookworm; then
  echo "==> debootstrap: a minimal Debian bookworm from Debian's packages" >&2
  rm -rf "$work" && mkdir -p "$work"
  debootstrap --variant=minbase bookworm "$work/rootfs" http://deb.debian.org/debian >"$work/debootstrap.log" 2>&1 ||
    { tail -20 "$work/debootstrap.log" >&2; exit 1; }
  tar -C "$work/rootfs" -c . | podman import - localhost/e2e-debian:bookworm >/dev/null
  rm -rf "$work"
fi

context="$(mktemp -d)"
trap 'rm -rf "$context"' EXIT
runtime_packages="ca-certificates libc6 libgcc-s1 libicu72 libssl3 libstdc++6 tzdata zlib1g"
cat >"$context/runtime-deps" <<CONTAINERFILE
FROM localhost/e2e-debian:bookworm
LABEL e2e.sdk="$stamp"
RUN apt-get update && apt-get install -y --no-install-recommends $runtime_packages && rm -rf /var/lib/apt/lists/*
RUN cp /mnt/ca/*.crt /usr/local/share/ca-certificates/ 2>/dev/null; update-ca-certificates >/dev/null
ENV APP_UID=1654 DOTNET_RUNNING_IN_CONTAINER=true
CONTAINERFILE
cat >"$context/sdk" <<CONTAINERFILE
FROM localhost/e2e-debian:bookworm
LABEL e2e.sdk="$stamp"
RUN apt-get update && apt-get install -y --no-install-recommends $runtime_packages git curl && rm -rf /var/lib/apt/lists/*
RUN cp /mnt/ca/*.crt /usr/local/share/ca-certificates/ 2>/dev/null; update-ca-certificates >/dev/null
RUN cp -a /mnt/dotnet /usr/share/dotnet && ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet
ENV DOTNET_RUNNING_IN_CONTAINER=true DOTNET_USE_POLLING_FILE_WATCHER=true NUGET_XMLDOC_MODE=skip \
    NUGET_CERT_REVOCATION_MODE=${NUGET_CERT_REVOCATION_MODE:-online}
CONTAINERFILE
echo "==> base image stand-ins (SDK $sdk_version)" >&2
mkdir -p "$context/ca"
cp /usr/local/share/ca-certificates/*.crt "$context/ca/" 2>/dev/null || true
podman_flags+=(-v "$context/ca:/mnt/ca:ro")
podman build "${podman_flags[@]}" -q -f "$context/runtime-deps" -t mcr.microsoft.com/dotnet/runtime-deps:10.0 "$context" >/dev/null
podman build "${podman_flags[@]}" -q -v "$(dirname "$(readlink -f "$(command -v dotnet)")"):/mnt/dotnet:ro" \
  -f "$context/sdk" -t mcr.microsoft.com/dotnet/sdk:10.0 "$context" >/dev/null
echo "base images: made (SDK $sdk_version)"
