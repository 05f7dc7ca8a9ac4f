# The ci-migrate container action. The release workflow builds and publishes this image to ghcr.io, and action.yml on
# a release tag runs it (docker://ghcr.io/tower-fleet/ci-migrate:<version>), so no job builds it. build/image.sh
# performs the same build steps without Docker (CI has no engine), and build/container-smoke.sh runs that layout as
# the runner runs a Docker action: keep the three in step.

# --- build: publish Native AOT for linux-x64 (clang links it) -------------------------------------------------
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
RUN dotnet restore src/CiMigrate/CiMigrate.csproj -r linux-x64 -p:PublishAot=true
COPY src/ src/
# The release workflow passes the version it publishes, so that `ci-migrate --version` in the image reports it.
ARG VERSION=
RUN dotnet publish src/CiMigrate/CiMigrate.csproj -c Release -r linux-x64 -p:PublishAot=true --no-restore -o /out \
      ${VERSION:+-p:Version=$VERSION} \
 && rm -f /out/*.dbg /out/*.pdb

# --- runtime: the tool, PostgreSQL 15 server binaries (the throwaway shadow of diff) and git --------------------
# A Native AOT executable needs no .NET runtime: runtime-deps has only what it links against (libc, OpenSSL).
FROM mcr.microsoft.com/dotnet/runtime-deps:10.0 AS runtime
# Debian's own postgresql-15 where the release has it; otherwise PostgreSQL's apt repository (PGDG) for this
# release. initdb/pg_ctl/postgres land in /usr/lib/postgresql/15/bin, where ci-migrate looks.
RUN set -eux; \
    apt-get update; \
    apt-get install -y --no-install-recommends ca-certificates git; \
    if ! apt-cache show postgresql-15 >/dev/null 2>&1; then \
      apt-get install -y --no-install-recommends curl gnupg; \
      codename="$(. /etc/os-release && echo "$VERSION_CODENAME")"; \
      curl -fsSL https://www.postgresql.org/media/keys/ACCC4CF8.asc | gpg --dearmor -o /usr/share/keyrings/pgdg.gpg; \
      echo "deb [signed-by=/usr/share/keyrings/pgdg.gpg] https://apt.postgresql.org/pub/repos/apt ${codename}-pgdg main" \
        > /etc/apt/sources.list.d/pgdg.list; \
      apt-get update; \
    fi; \
    apt-get install -y --no-install-recommends postgresql-15; \
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
 && runuser -u postgres -- /usr/lib/postgresql/15/bin/initdb --version \
 && git config --system --add safe.directory '*'

ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    DOTNET_NOLOGO=1
ENTRYPOINT ["/usr/local/bin/ci-migrate-action"]
