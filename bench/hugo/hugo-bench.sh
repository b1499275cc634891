#!/usr/bin/env bash
# Hugo baseline for the site benchmark: the same 2,000 generated minutes as Markdown, built by
# Debian's hugo with equivalent pages (a page per minutes with one anchored paragraph per turn,
# home, a list per body and per 年度, taxonomy lists, RSS, sitemap). Run manually:
#   SITE_BENCH_CORPUS_DIR=/tmp/corpus dotnet run -c Release --project bench/PublishPipeline.Bench -- --filter '*SiteBuild*' --job short
#   bench/hugo/hugo-bench.sh /tmp/corpus
# Prints wall-clock seconds per full build (best of 3) and minutes pages per second.
set -euo pipefail
corpus=${1:?corpus folder (minutes JSON)}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d -t hugo-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
cp -r "$here/config.toml" "$here/layouts" "$work/"
node "$here/to-markdown.mjs" "$corpus" "$work"
pages=$(ls "$work/content/minutes" | wc -l)
# Two timings: written to disk (what a publish does) and --renderToMemory (CPU only: this
# machine's disk dominates the first; compare with SiteBuildBenchmarks.FullBuild vs FullBuildToDisk).
time_build() {
  local best="" t start end
  for run in 1 2 3; do
    rm -rf "$work/public" "$work/resources"
    start=$(date +%s.%N)
    hugo --quiet --source "$work" --destination "$work/public" "$@" >/dev/null
    end=$(date +%s.%N)
    t=$(echo "$end - $start" | bc -l)
    echo "  run $run: ${t}s" >&2
    if [ -z "$best" ] || [ "$(echo "$t < $best" | bc -l)" = 1 ]; then best=$t; fi
  done
  echo "$best"
}
version=$(hugo version | cut -d' ' -f2)
echo "to disk:" >&2
disk=$(time_build)
files=$(find "$work/public" -type f | wc -l)
echo "in memory (--renderToMemory):" >&2
memory=$(time_build --renderToMemory)
printf 'hugo %s: %d minutes pages, %d files
' "$version" "$pages" "$files"
printf '  to disk:   best %.2fs, %.0f minutes pages/s, %.2f ms/page\n' "$disk" "$(echo "$pages / $disk" | bc -l)" "$(echo "$disk * 1000 / $pages" | bc -l)"
printf '  in memory: best %.2fs, %.0f minutes pages/s, %.2f ms/page\n' "$memory" "$(echo "$pages / $memory" | bc -l)" "$(echo "$memory * 1000 / $pages" | bc -l)"
