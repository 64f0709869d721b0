#!/usr/bin/env bash
# Coverage-guided fuzzing of NvTrap with afl-fuzz and SharpFuzz.
#
#   bash fuzz/run.sh TARGET SECONDS      TARGET is rules, eval or kernel; SECONDS is how long afl-fuzz runs
#
#   bash fuzz/run.sh rules 2400          the rule compiler (parse, bind, check, lower, emit), 40 min
#   bash fuzz/run.sh eval 1200           `nvtrap eval` rows over the built-in ruleset, 20 min
#   bash fuzz/run.sh kernel 1200         emulate-nested.c through `nvtrap check --kernel`, 20 min
#
# It installs what is missing (Debian's afl++ through apt-get; SharpFuzz.CommandLine 2.3.0 into
# fuzz/.tools), publishes fuzz/NvTrap.Fuzz in Release into fuzz/.out/TARGET/bin, instruments the
# product assemblies there with sharpfuzz, runs afl-fuzz on fuzz/corpus/TARGET for SECONDS into
# fuzz/.out/TARGET/afl (a fresh run each time), then copies crashes and hangs into
# fuzz/findings/TARGET/ (gitignored), replays them to print what each one throws, and prints afl's
# stats. Environment: AFL_TIMEOUT_MS (default 2000) is afl's per-input timeout; FUZZ_MEMORY_MB
# (default 4096) its address-space limit; FUZZ_HEAP_LIMIT (default 0x40000000, 1 GiB) caps the
# .NET heap of the fuzzed process.
# See fuzz/README.md for what each target checks and how to turn a finding into a regression.
set -euo pipefail
# The whole script is one block, read before any of it runs: bash otherwise reads a script as it
# goes, and editing run.sh during a 40-minute run would make the end of that run execute garbage.
{

usage() { sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
[ $# -eq 2 ] || usage
target=$1
duration=$2
case "$target" in rules | eval | kernel) ;; *) usage ;; esac
[[ "$duration" =~ ^[0-9]+$ ]] && [ "$duration" -gt 0 ] || usage

fuzz_dir=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$fuzz_dir")
cd "$repo"

# --- tools -----------------------------------------------------------------------------------
if ! command -v afl-fuzz >/dev/null 2>&1; then
  echo "run.sh: installing afl++ (Debian package)" >&2
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq afl++
fi

tools="$fuzz_dir/.tools"
if [ ! -x "$tools/sharpfuzz" ]; then
  echo "run.sh: installing SharpFuzz.CommandLine 2.3.0 into fuzz/.tools" >&2
  dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path "$tools"
fi

# --- build and instrument --------------------------------------------------------------------
out="$fuzz_dir/.out/$target"
bin="$out/bin"
rm -rf "$bin"
dotnet publish "$fuzz_dir/NvTrap.Fuzz/NvTrap.Fuzz.csproj" -c Release -o "$bin" -p:UseSharedCompilation=false -nologo -v quiet

# What each target exercises: the compiler and its YAML parser for rules; the eval row reader,
# the runtime's decision engine and the compiler for eval; the kernel import and the compiler it
# feeds for kernel. Not the harness itself, SharpFuzz, or the BCL (their branches would only
# dilute the coverage map).
case "$target" in
  rules) assemblies=(NvTrap.Compiler.dll YamlDotNet.dll) ;;
  eval) assemblies=(NvTrap.Cli.dll NvTrap.Runtime.dll NvTrap.Compiler.dll) ;;
  kernel) assemblies=(NvTrap.Kernel.dll NvTrap.Compiler.dll) ;;
esac
for dll in "${assemblies[@]}"; do
  echo "run.sh: instrumenting $dll" >&2
  "$tools/sharpfuzz" "$bin/$dll"
done

# --- fuzz ------------------------------------------------------------------------------------
afl_out="$out/afl"
rm -rf "$afl_out"
mkdir -p "$out"

# dotnet is not built with afl's compiler: SharpFuzz instruments the IL and plays the fork server
# itself, so afl must not look for its instrumentation in the binary.
export AFL_SKIP_BIN_CHECK=1
# Containers and VMs have no cpufreq governor to read.
export AFL_SKIP_CPUFREQ=1
# Plain status lines when there is no terminal (CI, logs).
[ -t 1 ] || export AFL_NO_UI=1
# Memory: afl's -m limits the target's address space (RLIMIT_AS). The .NET runtime needs more than
# 1 GB of address space just to start (at 1 GB it is killed before Main; 2 GB is enough), so the limit is 4 GiB
# (FUZZ_MEMORY_MB); within it the GC heap is capped at 1 GiB (FUZZ_HEAP_LIMIT), so a runaway
# allocation throws OutOfMemoryException, a crash afl records with a managed stack.
memory_mb=${FUZZ_MEMORY_MB:-4096}
export DOTNET_GCHeapHardLimit=${FUZZ_HEAP_LIMIT:-0x40000000}

timeout_ms=${AFL_TIMEOUT_MS:-2000}
echo "run.sh: afl-fuzz on $target for ${duration}s (timeout ${timeout_ms} ms, memory ${memory_mb} MB, heap $DOTNET_GCHeapHardLimit)" >&2
status=0
# The run's seeds: fuzz/corpus/TARGET and the seeds the harness keeps in code (the kernel
# target's fixture tables, which live in the kernel tests).
seeds="$out/seeds"
rm -rf "$seeds"
mkdir -p "$seeds"
cp "$fuzz_dir/corpus/$target"/* "$seeds"/
dotnet "$bin/NvTrap.Fuzz.dll" "$target" --write-seeds "$seeds"
afl-fuzz -i "$seeds" -o "$afl_out" -x "$fuzz_dir/dict/$target.dict" \
  -t "$timeout_ms" -m "$memory_mb" -V "$duration" \
  -- dotnet "$bin/NvTrap.Fuzz.dll" "$target" || status=$?

# --- findings --------------------------------------------------------------------------------
findings="$fuzz_dir/findings/$target"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
copied=0
crashes=()
hangs=()
for kind in crashes hangs; do
  for file in "$afl_out"/default/$kind/id:*; do
    [ -e "$file" ] || continue
    mkdir -p "$findings/$kind"
    copy="$findings/$kind/$stamp-$(basename "$file" | tr ':,' '-_')"
    cp "$file" "$copy"
    copied=$((copied + 1))
    if [ "$kind" = crashes ]; then crashes+=("$copy"); else hangs+=("$copy"); fi
  done
done

stats="$afl_out/default/fuzzer_stats"
if [ -f "$stats" ]; then
  echo "run.sh: afl-fuzz stats for $target:"
  grep -E '^(run_time|execs_done|execs_per_sec|corpus_count|paths_total|corpus_found|paths_found|saved_crashes|unique_crashes|saved_hangs|unique_hangs|bitmap_cvg|stability) ' "$stats" || true
else
  echo "run.sh: afl-fuzz wrote no stats (exit $status); see its output above" >&2
fi

if [ "$copied" -gt 0 ]; then
  echo "run.sh: $copied finding(s) of this run copied to fuzz/findings/$target ($stamp-*); replaying them (hangs for 60 s at most):"
  if [ ${#crashes[@]} -gt 0 ]; then dotnet "$bin/NvTrap.Fuzz.dll" "$target" "${crashes[@]}" || true; fi
  if [ ${#hangs[@]} -gt 0 ]; then timeout 60 dotnet "$bin/NvTrap.Fuzz.dll" "$target" "${hangs[@]}" || true; fi
fi
exit "$status"
}
