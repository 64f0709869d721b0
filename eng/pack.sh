#!/usr/bin/env bash
# Packs NvTrap's packages — NvTrap.Runtime, NvTrap.Generator, NvTrap.Cli (the nvtrap tool) and
# NvTrap.Templates (dotnet new nvtrap-rules) — into a local folder feed that projects anywhere on
# this machine can name in their NuGet.config. Runs from any current folder.
#
#   bash eng/pack.sh
#   NVTRAP_FEED=/some/folder bash eng/pack.sh
#
# The feed is $NVTRAP_FEED, by default ~/.local/share/nvtrap/packages ($XDG_DATA_HOME/nvtrap/packages
# when XDG_DATA_HOME is set): a fixed absolute place outside the checkout, so a consumer's
# NuGet.config keeps working from any folder and after the checkout moves.
#
# Every pack gets a version of its own, the repository's version with a prerelease suffix
# dev.<UTC date and time> (0.1.0-dev.20260102153000). NuGet keeps each package it restores in its
# cache under its id and version and never reads the feed again for that pair, so a re-pack under
# an unchanged version would leave every consumer on the old copy without a word. Ordinary builds
# keep the plain version; only packs carry the suffix.
#
# Prints, last, the feed and the version:
#   feed: /home/you/.local/share/nvtrap/packages
#   version: 0.1.0-dev.20260102153000
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
feed="${NVTRAP_FEED:-${XDG_DATA_HOME:-$HOME/.local/share}/nvtrap/packages}"
mkdir -p "$feed"
feed="$(cd "$feed" && pwd)"

suffix="dev.$(date -u +%Y%m%d%H%M%S)"
version="$(dotnet msbuild "$root/src/NvTrap.Runtime/NvTrap.Runtime.csproj" -getProperty:PackageVersion -p:VersionSuffix="$suffix")"

# The runtime first: the generator's package depends on exactly this version of it.
for project in NvTrap.Runtime NvTrap.Generator NvTrap.Cli NvTrap.Templates; do
  echo "pack.sh: packing $project $version"
  dotnet pack "$root/src/$project/$project.csproj" -c Release -o "$feed" -p:VersionSuffix="$suffix" -nologo -v:minimal
done

echo "feed: $feed"
echo "version: $version"
