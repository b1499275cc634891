#!/usr/bin/env bash
# Hugo baseline for the site benchmark: the same 2,000 generated minutes as Markdown, built by
# Debian's hugo with equivalent pages (a page per minutes with one anchored paragraph per turn,
# home, a list per body and per 年度, taxonomy lists, RSS, sitemap). Run manually:
#   SITE_BENCH_CORPUS_DIR=/tmp/corpus dotnet run -c Release --project bench/PublishPipeline.Bench -- --filter '*SiteBuild*' --job short
#   bench/hugo/hugo-bench.sh /tmp/corpus
# Prints wall-clock seconds per full build (best of 3) and pages per second.
set -euo pipefail
corpus=${1:?corpus folder (minutes JSON)}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d -t hugo-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
cp -r "$here/config.toml" "$here/layouts" "$work/"
node "$here/to-markdown.mjs" "$corpus" "$work"
pages=$(ls "$work/content/minutes" | wc -l)
best=""
for run in 1 2 3; do
  rm -rf "$work/public" "$work/resources"
  start=$(date +%s.%N)
  hugo --quiet --source "$work" --destination "$work/public" >/dev/null
  end=$(date +%s.%N)
  t=$(echo "$end - $start" | bc -l)
  echo "run $run: ${t}s"
  if [ -z "$best" ] || [ "$(echo "$t < $best" | bc -l)" = 1 ]; then best=$t; fi
done
files=$(find "$work/public" -type f | wc -l)
printf 'hugo %s: %d minutes pages, %d files, best %.2fs, %.0f minutes pages/s\n' "$(hugo version | cut -d' ' -f2)" "$pages" "$files" "$best" "$(echo "$pages / $best" | bc -l)"
