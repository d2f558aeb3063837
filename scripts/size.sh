#!/usr/bin/env bash
# Prints raw, gzip -9 and brotli -q 11 bytes of every file in a folder (default dist/) and their total,
# then the first load (what a visitor downloads before the first question) of the standalone page and
# of the embedded element, against the 180 KB brotli budget of issue 8.
set -euo pipefail
dir=${1:-dist}
printf '%-48s %10s %10s %10s\n' file raw gzip brotli
tr=0; tg=0; tb=0
declare -A br
while IFS= read -r f; do
  r=$(stat -c %s "$f"); g=$(gzip -9 -c "$f" | wc -c); b=$(brotli -q 11 -c "$f" | wc -c)
  tr=$((tr + r)); tg=$((tg + g)); tb=$((tb + b))
  br["${f#"$dir"/}"]=$b
  printf '%-48s %10d %10d %10d\n' "${f#"$dir"/}" "$r" "$g" "$b"
done < <(find "$dir" -type f | sort)
printf '%-48s %10d %10d %10d\n' "TOTAL (every file, examples included)" "$tr" "$tg" "$tb"
# The page (with its loader start.js), its stylesheet, the wasm-bindgen glue and the wasm; the element
# loads welfare-check.js instead of the page and start.js. The manifest, icon and service worker are not needed for the first question,
# and the catalog (catalog-<hash>.bin) and its engine (engine-<hash>.wasm) are fetched once the start page is up:
# they are reported beside.
app=0
for f in "${!br[@]}"; do
  case $f in welfare-check-*.js|welfare-check-*_bg.wasm|main-*.css) app=$((app + br[$f])) ;; esac
done
page=$((app + ${br[index.html]:-0} + ${br[start.js]:-0})); element=$((app + ${br[welfare-check.js]:-0}))
printf '%-48s %32d  (budget 180000: %s)\n' "FIRST LOAD, standalone page (brotli)" "$page" "$([ "$page" -le 180000 ] && echo met || echo "over by $((page - 180000))")"
printf '%-48s %32d  (budget 180000: %s)\n' "FIRST LOAD, embedded element (brotli)" "$element" "$([ "$element" -le 180000 ] && echo met || echo "over by $((element - 180000))")"
catalog=0; engine=0
for f in "${!br[@]}"; do
  case $f in catalog-*.bin) catalog=$((catalog + br[$f])) ;; engine-*.wasm) engine=$((engine + br[$f])) ;; esac
done
printf '%-48s %32d  (then the catalog: %d, its engine: %d)\n' "WHOLE JOURNEY, standalone page (brotli)" "$((page + catalog + engine))" "$catalog" "$engine"
