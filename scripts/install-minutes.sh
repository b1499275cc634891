#!/usr/bin/env bash
# Builds the `minutes` command from this repository as a .NET tool and installs it for this clone
# (the local tool manifest .config/dotnet-tools.json), so `dotnet minutes …` runs the built program
# from anywhere inside the clone, without `dotnet run` building it each time. Needs only the .NET
# SDK and its NuGet access; run it again after changing or pulling the code.
#   --global  installs it for your user instead: `minutes …` on PATH (~/.dotnet/tools).
set -euo pipefail
cd "$(dirname "$0")/.."

id=PublishPipeline.Minutes
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' functions/PublishPipeline.Cli/PublishPipeline.Cli.csproj)
feed=artifacts/minutes-tool

rm -rf "$feed"
# On linux-x64 (the platform the product runs on, and the one our NuGet mirror serves the runtime
# and ReadyToRun compiler packs for) the tool is packed for it as a self-contained program whose
# code and the framework's are compiled ahead of time into one composite image: the generic
# instantiations over framework types that a framework-dependent ReadyToRun build leaves to the
# JIT are compiled too (docs/scale.md, round 10 of the speed work). Since .NET 10 such a tool is a
# small package naming a package per platform; `dotnet minutes` runs the program it installs.
# The composite is made afresh each time: an earlier framework-dependent build's image in obj/
# would otherwise be taken as up to date.
rid=$(dotnet --info | sed -n 's/^ *RID: *//p' | head -n 1)
if [ "$rid" = "linux-x64" ]; then
  rm -rf functions/PublishPipeline.Cli/obj/Release/net10.0/linux-x64
  dotnet pack functions/PublishPipeline.Cli -c Release -p:RuntimeIdentifiers=linux-x64 -p:SelfContained=true \
    -p:PublishReadyToRunComposite=true -o "$feed" --nologo -v quiet
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

if [ "${1:-}" = "--global" ]; then
  dotnet tool uninstall --global "$id" >/dev/null 2>&1 || true
  dotnet tool install --global "$id" --version "$version" --add-source "$feed" --ignore-failed-sources
else
  dotnet tool restore --add-source "$feed" --ignore-failed-sources
fi
