#!/usr/bin/env bash
# Runs every test on a fresh machine (only the .NET SDK, node/npm and apt needed):
# installs the pinned npm tools and the Debian packages the tests use, builds the solution, starts
# Azurite on free loopback ports, runs the whole solution's tests and the reading evaluation side by
# side, stops Azurite. `.ci/run` calls exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

log() { printf '\n== %s\n' "$*" >&2; }

# 1. npm tools, exactly as the lock file pins them (Azurite, axe-core, vnu-jar, playwright-core).
#    Nothing in the build reads node_modules, so npm ci runs beside the apt step and the build
#    (mostly waiting on the network while the build uses the cores); Azurite waits for it.
npm_pid=
azurite_pid=
eval_pid=
npm_log=$(mktemp -t npm-ci.XXXXXX.log)
# Azurite may linger after SIGTERM (it waits for idle connections), so escalate after 10 s.
stop_azurite() {
  [ -n "$azurite_pid" ] || return 0
  kill "$azurite_pid" 2>/dev/null || return 0
  for _ in $(seq 1 50); do kill -0 "$azurite_pid" 2>/dev/null || return 0; sleep 0.2; done
  kill -KILL "$azurite_pid" 2>/dev/null || true
  wait "$azurite_pid" 2>/dev/null || true
}
# Whatever ends the run, nothing it started in the background is left running.
cleanup() {
  [ -z "$npm_pid" ] || kill "$npm_pid" 2>/dev/null || true
  [ -z "$eval_pid" ] || kill "$eval_pid" 2>/dev/null || true
  stop_azurite
}
trap cleanup EXIT
if [ ! -x node_modules/.bin/azurite ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "npm ci (pinned test tools), beside the build"
  npm ci --no-audit --no-fund --loglevel=error >"$npm_log" 2>&1 &
  npm_pid=$!
fi
wait_npm() {
  [ -n "$npm_pid" ] || return 0
  local status=0
  wait "$npm_pid" || status=$?
  npm_pid=
  cat "$npm_log" >&2
  if [ "$status" -ne 0 ]; then echo "npm ci failed (exit $status)" >&2; exit 1; fi
}

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

# 3. The whole solution, built before any test runs: when `dotnet test` builds as it goes, the test
#    projects start in the order their builds finish and can end up running one after another on
#    a 2-core machine (seen: 3 min 52 s of tests against 3 min 6 s when two ran side by side).
log "dotnet build"
results=$(mktemp -d)
set +e
dotnet build PublishPipeline.sln -c Release 2>&1 | tee "$results/console.log"
status=${PIPESTATUS[0]}
set -e
wait_npm

# 4. Azurite on free loopback ports, in memory, stopped on exit whatever happens. A port found
#    free may be taken by another process before Azurite binds it (the machine may be shared):
#    Azurite then exits at once and is started again on new ports.
free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
azurite_log=$(mktemp -t azurite.XXXXXX.log)
listens() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for attempt in 1 2 3 4 5; do
  blob_port=$(free_port); queue_port=$(free_port); table_port=$(free_port)
  log "Azurite on 127.0.0.1:$blob_port (blob), :$queue_port (queue), :$table_port (table)"
  node_modules/.bin/azurite --silent --inMemoryPersistence --skipApiVersionCheck --loose \
    --blobHost 127.0.0.1 --blobPort "$blob_port" \
    --queueHost 127.0.0.1 --queuePort "$queue_port" \
    --tableHost 127.0.0.1 --tablePort "$table_port" >"$azurite_log" 2>&1 &
  azurite_pid=$!
  # Ready when every service listens (the tests use blob and queue); a start takes seconds, the
  # bound (2 minutes) is for a machine under heavy load.
  ready=no
  for _ in $(seq 1 600); do
    kill -0 "$azurite_pid" 2>/dev/null || break
    if listens "$blob_port" && listens "$queue_port" && listens "$table_port"; then ready=yes; break; fi
    sleep 0.2
  done
  # A port taken by someone else can make the probe succeed although Azurite failed: ask again.
  sleep 0.2
  if [ "$ready" = yes ] && kill -0 "$azurite_pid" 2>/dev/null; then break; fi
  cat "$azurite_log" >&2
  stop_azurite
  azurite_pid=
  if [ "$attempt" -eq 5 ]; then echo "Azurite did not start (5 tries)" >&2; exit 1; fi
done
key='Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='
export PUBLISHPIPELINE_AZURITE="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$blob_port/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$queue_port/devstoreaccount1;TableEndpoint=http://127.0.0.1:$table_port/devstoreaccount1;"
export PUBLISHPIPELINE_REPO="$root"

# 5. Reading and name figures on real minutes (docs/normalize.md, docs/redact.md), against the
#    committed floors, with the Release build of the `minutes` command made above. It only reads
#    (the corpus, the samples, the floors), so it runs beside the tests; its output is kept for the end.
minutes_dll=functions/PublishPipeline.Cli/bin/Release/net10.0/minutes.dll
corpus="$root/../shared/devcorpus"
run_eval() {
  local eval_status=0
  if [ ! -f "$minutes_dll" ]; then
    echo "!!! $minutes_dll was not built; the evaluation cannot run"
    return 1
  fi
  if [ -d "$corpus/uploads" ] && [ -f "$corpus/gold.json" ]; then
    dotnet "$minutes_dll" eval "$corpus/uploads" --gold "$corpus/gold.json" --floors tests/floors/devcorpus.json || eval_status=1
  else
    echo "!!! ../shared/devcorpus is MISSING (expected $corpus/uploads and gold.json beside the clone):"
    echo "!!! the reading evaluation on real minutes cannot run, so this run FAILS."
    eval_status=1
  fi
  dotnet "$minutes_dll" eval samples --gold tests/gold/samples.json --floors tests/floors/samples.json || eval_status=1
  return "$eval_status"
}
eval_status=0
run_eval >"$results/eval.log" 2>&1 &
eval_pid=$!

# 6. Every test project in the solution, with the evaluation (step 5) running beside them.
log "dotnet test"
set +e
if [ "$status" -eq 0 ]; then
  dotnet test PublishPipeline.sln -c Release --no-build --logger "trx" --results-directory "$results" 2>&1 | tee -a "$results/console.log"
  status=${PIPESTATUS[0]}
fi
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

# The evaluation's output, printed after the tests' (it ran beside them).
if [ -n "$eval_pid" ]; then
  wait "$eval_pid" || eval_status=$?
  eval_pid=
fi
log "minutes eval (reading and name figures; floors in tests/floors/)"
cat "$results/eval.log"

echo
echo "tests: $passed passed, $failed failed, $skipped skipped"
if [ "$status" -eq 0 ] && [ "$eval_status" -ne 0 ]; then
  echo "evaluation: below a floor or not run (see above)"
  status=1
fi
exit "$status"
