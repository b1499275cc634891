#!/usr/bin/env sh
# Builds the zip that `azd deploy` pushes to the Flex Consumption app (azure.yaml: dist).
#
#   scripts/package-functions.sh [output.zip]        default: out/functionapp.zip
#
# Zip layout (what the Functions host expects of a custom-handler app root):
#   host.json                      the repository's top-level host.json (customHandler section)
#   <FunctionName>/function.json   one folder per function, from
#                                  functions/PublishPipeline.Functions/FunctionApp/<FunctionName>/
#   handler (+ its files)          PublishPipeline.Functions published self-contained, single-file,
#                                  for linux-x64 (no .NET runtime on the Functions image is assumed)
# Flex mounts the package read-only, so the handler's executable bit must already be in the zip:
# the zip is written by MSBuild's ZipDirectory task (System.IO.Compression), which stores Unix
# permissions on Linux; `zip` is not needed.
set -eu

root=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
out=${1:-"$root/out/functionapp.zip"}
case $out in /*) ;; *) out="$(pwd)/$out" ;; esac

project="$root/functions/PublishPipeline.Functions/PublishPipeline.Functions.csproj"
definitions="$root/functions/PublishPipeline.Functions/FunctionApp"
host_json="$root/host.json"

fail() { printf 'package-functions: %s\n' "$*" >&2; exit 1; }

[ -f "$host_json" ] || fail "host.json not found at $host_json (the app root's host.json lives at the repository root)"
[ -f "$project" ] || fail "handler project not found: $project"
[ -d "$definitions" ] || fail "function definitions folder not found: $definitions"

# The executable the host starts: customHandler.description.defaultExecutablePath.
exe=$(tr -d '\n\r' < "$host_json" | sed -n 's/.*"defaultExecutablePath"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p')
[ -n "$exe" ] || fail "host.json has no customHandler.description.defaultExecutablePath"

work=$(mktemp -d "${TMPDIR:-/tmp}/package-functions.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
app="$work/app"
mkdir -p "$app"

# Own artifacts path: the publish never touches the bin/obj folders of a solution build.
printf 'package-functions: publishing the handler (self-contained, linux-x64)\n' >&2
# No build servers left running afterwards (CI, test fixtures).
# Analyzers and code style already ran in the solution build; the package build skips them (half the time).
dotnet publish "$project" -c Release -r linux-x64 --self-contained true \
  -p:PublishSingleFile=true -p:DebugType=none -p:GenerateDocumentationFile=false \
  -p:RunAnalyzers=false -p:EnforceCodeStyleInBuild=false \
  --artifacts-path "$work/artifacts" -o "$work/publish" --disable-build-servers -nologo -v:q >&2 \
  || fail "dotnet publish failed"

# Publish output first, so the repository's host.json and function.json files win over any copy
# the project itself places in its output. A FunctionApp/ folder there would be a stray second copy.
(cd "$work/publish" && find . -name '*.pdb' -prune -o -name local.settings.json -prune \
  -o -path ./FunctionApp -prune -o -print | while IFS= read -r f; do
    if [ -d "$f" ]; then mkdir -p "$app/$f"; else cp -p "$f" "$app/$f"; fi
  done)
cp "$host_json" "$app/host.json"

count=0
for dir in "$definitions"/*/; do
  [ -f "$dir/function.json" ] || continue
  name=$(basename "$dir")
  mkdir -p "$app/$name"
  cp "$dir/function.json" "$app/$name/function.json"
  count=$((count + 1))
done
[ "$count" -gt 0 ] || fail "no function.json under $definitions/<FunctionName>/"

[ -f "$app/$exe" ] || fail "defaultExecutablePath '$exe' from host.json is not in the publish output"
chmod 0755 "$app/$exe"

mkdir -p "$(dirname -- "$out")"
rm -f "$out"
dotnet msbuild "$root/scripts/zip-directory.proj" -nologo -v:q -nodeReuse:false \
  "-p:SourceDirectory=$app" "-p:DestinationFile=$out" >&2 || fail "zipping failed"

printf 'package-functions: %s (%s functions, executable %s)\n' "$out" "$count" "$exe" >&2
printf '%s\n' "$out"
