#!/usr/bin/env bash
# Runs every test on a fresh machine (only the .NET SDK, node/npm and apt needed):
# installs the pinned npm tools and the Debian packages the tests use, starts Azurite on free
# loopback ports, runs the whole solution's tests, stops Azurite. `.ci/run` calls exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

log() { printf '\n== %s\n' "$*" >&2; }

# 1. npm tools, exactly as the lock file pins them (Azurite, axe-core, vnu-jar, playwright-core).
if [ ! -x node_modules/.bin/azurite ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "npm ci (pinned test tools)"
  npm ci --no-audit --no-fund --loglevel=error
fi

# 2. Debian packages: Chromium for page tests, Japanese fonts for screenshots, a JRE for vnu,
#    the Unicode data for the normalisation conformance test.
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need+=(fonts-noto-cjk)
command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
# The Unicode conformance file our NFC is tested against, and bzcat to read it.
[ -f /usr/share/unicode/NormalizationTest.txt.bz2 ] || need+=(unicode-data)
command -v bzcat >/dev/null 2>&1 || need+=(bzip2)
if [ ${#need[@]} -gt 0 ]; then
  log "apt-get install ${need[*]}"
  sudo_cmd=(); [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# 3. Azurite on free loopback ports, in memory, stopped on exit whatever happens.
free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
blob_port=$(free_port); queue_port=$(free_port); table_port=$(free_port)
azurite_log=$(mktemp -t azurite.XXXXXX.log)
log "Azurite on 127.0.0.1:$blob_port (blob), :$queue_port (queue), :$table_port (table)"
node_modules/.bin/azurite --silent --inMemoryPersistence --skipApiVersionCheck --loose \
  --blobHost 127.0.0.1 --blobPort "$blob_port" \
  --queueHost 127.0.0.1 --queuePort "$queue_port" \
  --tableHost 127.0.0.1 --tablePort "$table_port" >"$azurite_log" 2>&1 &
azurite_pid=$!
# Azurite may linger after SIGTERM (it waits for idle connections), so escalate after 10 s.
stop_azurite() {
  kill "$azurite_pid" 2>/dev/null || return 0
  for _ in $(seq 1 50); do kill -0 "$azurite_pid" 2>/dev/null || return 0; sleep 0.2; done
  kill -KILL "$azurite_pid" 2>/dev/null || true
  wait "$azurite_pid" 2>/dev/null || true
}
trap stop_azurite EXIT
for _ in $(seq 1 100); do
  (exec 3<>"/dev/tcp/127.0.0.1/$blob_port") 2>/dev/null && break
  kill -0 "$azurite_pid" 2>/dev/null || { cat "$azurite_log" >&2; echo "Azurite did not start" >&2; exit 1; }
  sleep 0.2
done
key='Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='
export PUBLISHPIPELINE_AZURITE="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$blob_port/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$queue_port/devstoreaccount1;TableEndpoint=http://127.0.0.1:$table_port/devstoreaccount1;"
export PUBLISHPIPELINE_REPO="$root"

# 4. Every test project in the solution.
log "dotnet test"
results=$(mktemp -d)
set +e
dotnet test PublishPipeline.sln -c Release --logger "trx" --results-directory "$results" 2>&1 | tee "$results/console.log"
status=${PIPESTATUS[0]}
set -e

# One plain closing line that counts every test, whatever the runner printed above.
passed=0; failed=0; skipped=0
for f in "$results"/*.trx; do
  [ -f "$f" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$f" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f_=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters"); e=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f_:-0})); skipped=$((skipped + ${t:-0} - ${e:-0}))
done
echo
echo "tests: $passed passed, $failed failed, $skipped skipped"
exit "$status"
