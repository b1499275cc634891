#!/usr/bin/env bash
# Builds the `minutes` command from this repository as a .NET tool and installs it for this clone
# (the local tool manifest .config/dotnet-tools.json), so `dotnet minutes …` runs the built program
# from anywhere inside the clone, without `dotnet run` building it each time. Needs only the .NET
# SDK and its NuGet access; run it again after changing or pulling the code.
#   --global     installs it for your user instead: `minutes …` on PATH (~/.dotnet/tools).
#   --composite  (linux-x64) self-contained, the framework compiled ahead of time with the command:
#                ~15 % less CPU for a re-publish, but a 267 MB install that takes minutes and up to
#                1.7 GB of memory to build (docs/scale.md, speed round 10). For a large archive's host.
set -euo pipefail
cd "$(dirname "$0")/.."

global=0
composite=0
for arg in "$@"; do
  case "$arg" in
    --global) global=1 ;;
    --composite) composite=1 ;;
    *) echo "unknown option: $arg (use --global, --composite)" >&2; exit 2 ;;
  esac
done

id=PublishPipeline.Minutes
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' functions/PublishPipeline.Cli/PublishPipeline.Cli.csproj)
feed=artifacts/minutes-tool

rm -rf "$feed"
# On linux-x64 (the platform the product runs on, and the one our NuGet mirror serves the
# ReadyToRun compiler for) the tool is packed for it, compiled ahead of time: less start-up JIT.
# By default still an ordinary framework-dependent tool run by `dotnet`: since .NET 10 a tool packed
# with a runtime identifier becomes a RID-specific package unless these two properties say otherwise.
# With --composite it is a self-contained program whose code and the framework's are compiled into
# one composite image (the generic code over framework types a framework-dependent build leaves to
# the JIT is compiled too); such a tool is a small package naming a package per platform, and
# `dotnet minutes` runs the program it installs. Either is built afresh: an image of the other kind
# left in obj/ would be taken as up to date.
rid=$(dotnet --info | sed -n 's/^ *RID: *//p' | head -n 1)
if [ "$rid" = "linux-x64" ] && [ "$composite" = 1 ]; then
  rm -rf functions/PublishPipeline.Cli/obj/Release/net10.0/linux-x64
  dotnet pack functions/PublishPipeline.Cli -c Release -p:RuntimeIdentifiers=linux-x64 -p:SelfContained=true \
    -p:PublishReadyToRunComposite=true -o "$feed" --nologo -v quiet
elif [ "$rid" = "linux-x64" ]; then
  rm -rf functions/PublishPipeline.Cli/obj/Release/net10.0/linux-x64
  dotnet pack functions/PublishPipeline.Cli -c Release -r linux-x64 -p:CreateRidSpecificToolPackages=false -p:UseAppHost=false \
    -o "$feed" --nologo -v quiet
else
  dotnet pack functions/PublishPipeline.Cli -c Release -o "$feed" --nologo -v quiet
fi

# NuGet caches a tool package by version; a rebuilt package of the same version must replace it.
packages=$(dotnet nuget locals global-packages --list | sed 's/^global-packages: //')
lower=$(printf '%s' "$id" | tr '[:upper:]' '[:lower:]')
rm -rf "${packages%/}/$lower/$version" "${packages%/}/$lower.$rid/$version"
# The SDK also remembers where a local tool's command was found for that version; an earlier
# install of the same version (before the tool was packed for the platform) points elsewhere.
rm -f "${DOTNET_CLI_HOME:-$HOME}/.dotnet/toolResolverCache/1/$lower"

if [ "$global" = 1 ]; then
  dotnet tool uninstall --global "$id" >/dev/null 2>&1 || true
  dotnet tool install --global "$id" --version "$version" --add-source "$feed" --ignore-failed-sources
else
  dotnet tool restore --add-source "$feed" --ignore-failed-sources
fi
