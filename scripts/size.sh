#!/usr/bin/env bash
# Prints raw, gzip -9 and brotli -q 11 bytes of every file in a folder (default dist/) and their total.
set -euo pipefail
dir=${1:-dist}
printf '%-48s %10s %10s %10s\n' file raw gzip brotli
tr=0; tg=0; tb=0
while IFS= read -r f; do
  r=$(stat -c %s "$f"); g=$(gzip -9 -c "$f" | wc -c); b=$(brotli -q 11 -c "$f" | wc -c)
  tr=$((tr + r)); tg=$((tg + g)); tb=$((tb + b))
  printf '%-48s %10d %10d %10d\n' "${f#"$dir"/}" "$r" "$g" "$b"
done < <(find "$dir" -type f | sort)
printf '%-48s %10d %10d %10d\n' TOTAL "$tr" "$tg" "$tb"
