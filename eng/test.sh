#!/usr/bin/env bash
# Builds the solution in Release and runs every test project, then prints one summary line:
#   tests: N passed, N failed, N skipped
# Exit status is non-zero if the build fails or any test fails.
set -uo pipefail
cd "$(dirname "$0")/.."

results="artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

dotnet restore NvTrap.sln || exit 1
dotnet build NvTrap.sln -c Release --no-restore || exit 1

status=0
dotnet test NvTrap.sln -c Release --no-build --results-directory "$results" --logger "trx" || status=$?

passed=0; failed=0; skipped=0; files=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  total=$(get total); executed=$(get executed); p=$(get passed); f=$(get failed)
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
  skipped=$((skipped + ${total:-0} - ${executed:-0}))
done

if [ "$files" -eq 0 ]; then
  echo "no test results were written" >&2
  status=1
fi

echo "tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$failed" -ne 0 ]; then status=1; fi
exit "$status"
