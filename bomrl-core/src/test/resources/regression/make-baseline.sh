#!/usr/bin/env bash
# Regenerates baseline.sha256: runs every shipped example through the launcher and records the
# SHA-256 of each result file (CSV tables, summary.json, trained priors). RegressionGuardTest
# re-runs the same examples in-process and requires byte-identical files.
#   bash bomrl-core/src/test/resources/regression/make-baseline.sh
# Run it only when a change of results is intended, and say in the commit what changed and why.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../../.." && pwd)
here="$root/bomrl-core/src/test/resources/regression"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cd "$root"
while read -r example; do
  [[ -z "$example" || "$example" == \#* ]] && continue
  name=${example%.properties}
  name=${name//\//-}
  ./bomrl run "examples/$example" --out "$out/$name" >/dev/null 2>&1
done < "$here/examples.txt"
(cd "$out" && find . -type f \( -name '*.csv' -o -name summary.json \) | LC_ALL=C sort | xargs sha256sum | sed 's| \./| |') > "$here/baseline.sha256"
wc -l < "$here/baseline.sha256" | xargs echo "files recorded:"
