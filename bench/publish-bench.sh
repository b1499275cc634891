#!/usr/bin/env bash
# The whole-publish benchmark, as a user runs it: `minutes publish` as a process on fresh folders
# of 200 / 2,000 / 10,000 uploads (variants of the five samples, bench `uploads`), then, at the
# largest size, the incremental cases (nothing changed, one upload added, one changed, one
# deleted), Hugo building the same redacted pages in the same run (when `hugo` is installed), and
# what a search downloads from the published site (bench/search/measure-search.mjs in Chromium).
#
#   bash bench/publish-bench.sh [--sizes 200,2000,10000] [--install-hugo] [--no-search] [--keep DIR] [--composite]
#
# --sizes        sizes to run (default 200,2000,10000; e.g. --sizes 200 for a quick look)
# --install-hugo apt-get install -y hugo (Debian's 0.111) when it is missing; never done otherwise
# --no-search    skip the browser measurement (it needs chromium and `npm ci`, as the tests do)
# --keep DIR     work in DIR and keep it (default: a temporary folder, removed at the end)
# --composite    the command as `scripts/install-minutes.sh --composite` builds it (self-contained,
#                the framework in one composite ReadyToRun image; a build of several minutes)
#
# Per size: wall time, documents/s, peak RSS (GNU time -v), Hugo's wall time for the same pages
# and the ratio. Incremental: wall time and the number of site files written or deleted. Search:
# requests and bytes per query, typical and worst. Timings of a loaded machine are noisy: the
# load average is printed with the figures.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

sizes=200,2000,10000
install_hugo=0
search=1
keep=""
composite=0
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) sizes=$2; shift 2 ;;
    --install-hugo) install_hugo=1; shift ;;
    --no-search) search=0; shift ;;
    --keep) keep=$2; shift 2 ;;
    --composite) composite=1; shift ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
if [ ! -x /usr/bin/time ]; then
  as_root apt-get update -qq && DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq time >/dev/null
fi
if [ "$install_hugo" = 1 ] && ! command -v hugo >/dev/null 2>&1; then
  as_root apt-get update -qq && DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq hugo >/dev/null
fi

echo "building (Release)…" >&2
# The command as users get it from scripts/install-minutes.sh: on linux-x64 published for the
# platform, ReadyToRun (compiled ahead of time), with --composite self-contained with the framework
# in one composite image; elsewhere the portable build. Made afresh (an image of the other kind of
# build left in obj/ would be taken as up to date).
if [ "$(dotnet --info | sed -n 's/^ *RID: *//p' | head -n 1)" = "linux-x64" ]; then
  rm -rf functions/PublishPipeline.Cli/obj/Release/net10.0/linux-x64
  if [ "$composite" = 1 ]; then
    dotnet publish functions/PublishPipeline.Cli -c Release -r linux-x64 --self-contained true -p:PublishReadyToRunComposite=true \
      -v q -nologo >/dev/null
  else
    dotnet publish functions/PublishPipeline.Cli -c Release -r linux-x64 --self-contained false -v q -nologo >/dev/null
  fi
  minutes="$repo/functions/PublishPipeline.Cli/bin/Release/net10.0/linux-x64/publish/minutes"
else
  dotnet build functions/PublishPipeline.Cli -c Release -v q -nologo >/dev/null
  minutes="$repo/functions/PublishPipeline.Cli/bin/Release/net10.0/minutes"
fi
dotnet build bench/PublishPipeline.Bench -c Release -v q -nologo >/dev/null
bench="$repo/bench/PublishPipeline.Bench/bin/Release/net10.0/PublishPipeline.Bench"

if [ -n "$keep" ]; then root=$(mkdir -p "$keep" && cd "$keep" && pwd); else root=$(mktemp -d -t publish-bench.XXXXXX); trap 'rm -rf "$root"' EXIT; fi
# The settings of the wards whose minutes have no 公開の可否 table: published (see UploadCorpus).
printf '{ "baseUrl": "http://127.0.0.1/", "redaction": { "unknownDisclosure": "publish" } }\n' >"$root/settings.json"

load() { cut -d' ' -f1-3 /proc/loadavg; }
# time_cmd LOG CMD…: runs CMD under GNU time; prints "wall_seconds peak_rss_kb exit_code cpu_seconds"
# (cpu = user + system: steadier than the wall time on a shared machine).
time_cmd() {
  local log=$1; shift
  set +e
  /usr/bin/time -v "$@" >"$log.out" 2>"$log.err"
  local rc=$?
  set -e
  local wall rss cpu
  wall=$(sed -n 's/.*Elapsed (wall clock) time.*: //p' "$log.err" | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$log.err")
  cpu=$(sed -n 's/.*\(User\|System\) time (seconds): //p' "$log.err" | awk '{ s += $1 } END { printf "%.2f", s }')
  echo "$wall $rss $rc $cpu"
}
# A listing of the site folder (path, modification time, size) to count what a run wrote.
snapshot() { (cd "$1" && find . -type f -printf '%P %T@ %s\n' | sort); }
changed_files() { comm -3 "$1" "$2" | awk '{ print $1 }' | sort -u | wc -l; }
publish_args() { echo "$minutes publish $1/in --site $1/site --work $1/work --settings $root/settings.json"; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ { print $2 }') GiB; load average at start: $(load)"
echo "minutes publish (whole process, fresh folders); Hugo $(command -v hugo >/dev/null && hugo version | cut -d' ' -f2 || echo 'not installed')"
echo
echo "| documents | publish wall | documents/s | publish CPU (user+sys) | peak RSS | Hugo, same pages | publish / Hugo time | load |"
echo "|---:|---:|---:|---:|---:|---:|---:|---|"
largest=""
for n in ${sizes//,/ }; do
  dir="$root/$n"
  rm -rf "$dir"; mkdir -p "$dir"
  "$bench" uploads "$n" "$dir/in"
  read -r wall rss rc cpu < <(time_cmd "$dir/publish" $(publish_args "$dir"))
  if [ "$rc" != 0 ]; then
    echo "publish of $n documents exited $rc:" >&2; tail -5 "$dir/publish.out" "$dir/publish.err" >&2; exit 1
  fi
  published=$(sed -n 's/^published: \([0-9]*\),.*/\1/p' "$dir/publish.out")
  hugo_cell="—"; ratio="—"
  if command -v hugo >/dev/null 2>&1; then
    # The same redacted documents as Markdown pages (bench/hugo), built to disk once.
    mkdir -p "$dir/hugo"
    cp -r bench/hugo/config.toml bench/hugo/layouts "$dir/hugo/"
    node bench/hugo/to-markdown.mjs "$dir/work/redacted" "$dir/hugo" >/dev/null
    read -r hwall _ hrc hcpu < <(time_cmd "$dir/hugo-run" hugo --quiet --source "$dir/hugo" --destination "$dir/hugo/public")
    if [ "$hrc" = 0 ]; then
      hugo_cell="${hwall} s (CPU ${hcpu} s)"
      ratio=$(awk -v a="$wall" -v b="$hwall" 'BEGIN { printf "%.2f×", a / b }')
    fi
  fi
  printf '| %s (%s published) | %s s | %s | %s s | %s MB | %s | %s | %s |\n' "$n" "$published" "$wall" \
    "$(awk -v n="$published" -v t="$wall" 'BEGIN { printf "%.0f", n / t }')" "$cpu" "$((rss / 1024))" "$hugo_cell" "$ratio" "$(load)"
  largest=$n
done

if [ -z "$largest" ]; then exit 0; fi
dir="$root/$largest"
echo
echo "Incremental, $largest documents (each case after the one before):"
echo
echo "| case | wall | site files written or deleted | peak RSS |"
echo "|---|---:|---:|---:|"
incremental() {
  local label=$1
  snapshot "$dir/site" >"$dir/before.txt"
  read -r wall rss rc _ < <(time_cmd "$dir/incremental" $(publish_args "$dir"))
  if [ "$rc" != 0 ]; then echo "publish ($label) exited $rc" >&2; tail -5 "$dir/incremental.out" >&2; exit 1; fi
  snapshot "$dir/site" >"$dir/after.txt"
  printf '| %s | %s s | %s | %s MB |\n' "$label" "$wall" "$(changed_files "$dir/before.txt" "$dir/after.txt")" "$((rss / 1024))"
}
incremental "nothing changed"
# A new meeting: dated after the archive's newest (generated dates end in 2025), as a ward adds it.
"$bench" uploads 1 "$dir/in" --from "$largest" --date 2025-12-01
incremental "one upload added (a new meeting)"
victim=$(ls "$dir/in" | grep -v 'public-version' | sed -n 8p)
printf '\n追記（第%s回の訂正）。\n' "$largest" >>"$dir/in/$victim"
incremental "one upload changed"
gone=$(ls "$dir/in" | grep -v 'public-version' | sed -n 9p)
rm -f "$dir/in/$gone" "$dir/in/$gone.public-version"
incremental "one upload deleted"

if [ "$search" = 1 ]; then
  echo
  if command -v chromium >/dev/null 2>&1 && [ -d node_modules/playwright-core ]; then
    echo "Search on the published $largest-document site (cold cache per query; bytes as transferred):"
    "$bench" search-site "$dir/site" "$dir/work"
  else
    echo "search: skipped (needs chromium and npm ci, as scripts/test.sh installs them)"
  fi
fi
echo
echo "load average at the end: $(load)"
