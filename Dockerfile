# The ci-migrate container action. The release workflow builds and publishes this image to ghcr.io, and action.yml on
# a release tag runs it (docker://ghcr.io/tower-fleet/ci-migrate:<version>), so no job builds it. build/image.sh
# performs the same build steps without Docker (CI has no engine), and build/container-smoke.sh runs that layout as
# the runner runs a Docker action: keep the three in step.

# --- build: publish Native AOT for the image's platform (clang links it) ----------------------------------------
# The release builds linux/amd64 and linux/arm64 (docker buildx, QEMU for the other one): Native AOT links for the
# platform it runs on, so each platform's build stage publishes its own runtime identifier.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends clang zlib1g-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props CiMigrate.sln README.md ./
COPY src/Directory.Build.props src/
COPY src/CiMigrate.Core/CiMigrate.Core.csproj src/CiMigrate.Core/
COPY src/CiMigrate.Adapters/CiMigrate.Adapters.csproj src/CiMigrate.Adapters/
COPY src/CiMigrate.Tasks/CiMigrate.Tasks.csproj src/CiMigrate.Tasks/
COPY src/CiMigrate/CiMigrate.csproj src/CiMigrate/
RUN case "$(uname -m)" in \
      x86_64) echo linux-x64 ;; \
      aarch64) echo linux-arm64 ;; \
      *) echo "no Native AOT runtime identifier for $(uname -m)" >&2; exit 1 ;; \
    esac > /tmp/rid \
 && dotnet restore src/CiMigrate/CiMigrate.csproj -r "$(cat /tmp/rid)" -p:PublishAot=true
COPY src/ src/
# The release workflow passes the version it publishes, so that `ci-migrate --version` in the image reports it.
ARG VERSION=
RUN dotnet publish src/CiMigrate/CiMigrate.csproj -c Release -r "$(cat /tmp/rid)" -p:PublishAot=true --no-restore -o /out \
      ${VERSION:+-p:Version=$VERSION} \
 && rm -f /out/*.dbg /out/*.pdb

# --- runtime: the tool, PostgreSQL server binaries (the throwaway shadow of diff) and git --------------------------
# A Native AOT executable needs no .NET runtime: runtime-deps has only what it links against (libc, OpenSSL).
FROM mcr.microsoft.com/dotnet/runtime-deps:10.0 AS runtime
# Supabase runs PostgreSQL 15 (older projects) and 17 (new ones); the shadow follows the target's major version, so
# the image carries both. Each comes from the distribution when it has that major, otherwise from PostgreSQL's apt
# repository (PGDG). initdb/pg_ctl/postgres land in /usr/lib/postgresql/<major>/bin, where ci-migrate looks.
# POSTGRES_MAJORS narrows the list for a build that cannot reach PGDG (build/workflow-e2e.sh: Debian's 15 only).
ARG POSTGRES_MAJORS="15 17"
RUN set -eux; \
    apt-get update; \
    apt-get install -y --no-install-recommends ca-certificates git; \
    packages=""; pgdg=false; \
    for major in $POSTGRES_MAJORS; do \
      apt-cache show "postgresql-$major" >/dev/null 2>&1 || pgdg=true; \
      packages="$packages postgresql-$major"; \
    done; \
    if [ "$pgdg" = true ]; then \
      apt-get install -y --no-install-recommends curl gnupg; \
      codename="$(. /etc/os-release && echo "$VERSION_CODENAME")"; \
      curl -fsSL https://www.postgresql.org/media/keys/ACCC4CF8.asc | gpg --dearmor -o /usr/share/keyrings/pgdg.gpg; \
      echo "deb [signed-by=/usr/share/keyrings/pgdg.gpg] https://apt.postgresql.org/pub/repos/apt ${codename}-pgdg main" \
        > /etc/apt/sources.list.d/pgdg.list; \
      apt-get update; \
    fi; \
    apt-get install -y --no-install-recommends $packages; \
    rm -rf /var/lib/apt/lists/*
# The extension packages Supabase's extensions come in (one list for this image and build/ensure-postgres.sh).
COPY build/postgres-extension-packages.txt build/install-postgres-extensions.sh /tmp/extensions/
RUN bash /tmp/extensions/install-postgres-extensions.sh $(ls /usr/lib/postgresql) && rm -rf /tmp/extensions /var/lib/apt/lists/*

COPY --from=build /out /opt/ci-migrate
COPY docker/entrypoint.sh /usr/local/bin/ci-migrate-action
RUN ln -s /opt/ci-migrate/ci-migrate /usr/local/bin/ci-migrate \
 && chmod 0755 /usr/local/bin/ci-migrate-action

# Root, as GitHub requires of Docker actions ("Dockerfile support for GitHub Actions": no USER, or GITHUB_WORKSPACE may
# not be accessible): the runner mounts the workspace and the file_commands folder owned by its own uid, which is
# 1001 on hosted runners and anything on self-hosted ones. What must not run as root runs as the `postgres` user the
# server package created: ci-migrate starts initdb/pg_ctl/postgres through runuser and hands each throwaway cluster's
# folder to that user. Files ci-migrate writes in the workspace are given to the workspace's owner. git refuses a
# repository owned by another user ("dubious ownership") unless told otherwise.
RUN id -u postgres \
 && for bin in /usr/lib/postgresql/*/bin; do runuser -u postgres -- "$bin/initdb" --version; done \
 && git config --system --add safe.directory '*'

# The throwaway cluster with its Supabase template for each PostgreSQL major above, made now rather than by every cold
# diff (a new runner, an evicted cache): a run copies the one of its major from this read-only folder, and keeps
# what it builds on top (its replayed history) in its own cache. An entry holds only for this very binary, these
# server binaries and this baseline (their sizes, times and hashes are its key), so a rebuilt image makes new ones.
RUN CI_MIGRATE_CACHE_DIR=/opt/ci-migrate/cache ci-migrate warm-shadow
ENV CI_MIGRATE_PREBUILT_CACHE_DIR=/opt/ci-migrate/cache

ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    DOTNET_NOLOGO=1
ENTRYPOINT ["/usr/local/bin/ci-migrate-action"]
