#!/usr/bin/env bash
# Runs the libFuzzer targets of tests/fuzz (see its README.md), one at a time,
# and reports for each: executions, executions per second, coverage (cov:
# edges, ft: features), corpus size and findings (crash-/leak-/timeout-/oom-
# files).
#
#   scripts/fuzz.sh [--build DIR] [--corpus DIR] [--seconds N | --hours H] TARGET...|all
#   scripts/fuzz.sh --build DIR --ci TARGET        (the ctest fuzz/TARGET)
#   scripts/fuzz.sh --list
#
# --build   the ICP_FUZZ=ON build folder (default: $ICP_FUZZ_BUILD or build-san)
# --corpus  where the corpus grows, one folder per target (default:
#           $ICP_FUZZ_CORPUS or ~/.cache/icp-fuzz): outside the repository, kept
#           between runs. Findings go to CORPUS/artifacts/TARGET/.
# --hours   the whole run's time, shared equally by the targets named
# --seconds each target's time (default 60)
# --ci      ICP_FUZZ_SECONDS seconds (default 30) with the corpus in the build
#           folder; exits 1 on a finding (the log's end and the reproducer are
#           printed)
# A run that stops on a finding (the input is saved) starts again until its
# time is up; the exit status is 1 if anything was found.
set -uo pipefail
cd "$(dirname "$0")/.."

TARGETS=(check fmt csv ndjson score_json lsp_transport lsp_server)
build=${ICP_FUZZ_BUILD:-build-san}
corpus=${ICP_FUZZ_CORPUS:-$HOME/.cache/icp-fuzz}
seconds=60
hours=""
ci=0
names=()
while (($#)); do
  case $1 in
    --build) build=$2; shift 2 ;;
    --corpus) corpus=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --hours) hours=$2; shift 2 ;;
    --ci) ci=1; shift ;;
    --list) printf '%s\n' "${TARGETS[@]}"; exit 0 ;;
    -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
    all) names+=("${TARGETS[@]}"); shift ;;
    -*) echo "fuzz.sh: unknown option $1" >&2; exit 2 ;;
    *) names+=("$1"); shift ;;
  esac
done
((${#names[@]})) || { echo "fuzz.sh: name a target (--list) or all" >&2; exit 2; }
if ((ci)); then
  seconds=${ICP_FUZZ_SECONDS:-30}
  corpus=$build/fuzz/corpus
elif [[ -n $hours ]]; then
  seconds=$(python3 -c "print(max(1, int(float('$hours') * 3600 / ${#names[@]})))")
fi

max_len() {
  case $1 in
    score_json) echo 4096 ;;
    lsp_server) echo 16384 ;;
    *) echo 8192 ;;
  esac
}

status=0
printf '%-14s %12s %9s %7s %7s %7s %9s  %s\n' target execs exec/s cov ft corpus time findings > "${TMPDIR:-/tmp}/fuzz-report.$$"
for t in "${names[@]}"; do
  exe=$build/tests/fuzz/fuzz_$t
  [[ -x $exe ]] || { echo "fuzz.sh: no $exe (configure $build with -DICP_FUZZ=ON and build it)" >&2; exit 2; }
  seeds=$build/fuzz/seeds/$t
  dict=$build/fuzz/dict/$t.dict
  work=$corpus/$t
  art=$corpus/artifacts/$t
  mkdir -p "$work" "$art"
  log=$corpus/$t.log
  : > "$log"
  before=$(ls "$art" | wc -l)
  execs=0; left=$seconds; start=$(date +%s); cov=0; ft=0; rate=0
  while ((left > 0)); do
    args=(-max_total_time="$left" -print_final_stats=1 -max_len="$(max_len "$t")" -timeout=20
          -rss_limit_mb=2560 -artifact_prefix="$art/" "$work")
    [[ -f $dict ]] && args=(-dict="$dict" "${args[@]}")
    [[ -d $seeds ]] && args+=("$seeds")
    ICP_STDLIB=$PWD/stdlib "$exe" "${args[@]}" >> "$log" 2>&1
    rc=$?
    n=$(grep -a 'stat::number_of_executed_units' "$log" | tail -1 | awk '{print $2}')
    execs=$((execs + ${n:-0}))
    r=$(grep -a 'stat::average_exec_per_sec' "$log" | tail -1 | awk '{print $2}')
    rate=${r:-$rate}
    c=$(grep -aoE 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -1)
    [[ -n $c ]] && { cov=$(awk '{print $2}' <<< "$c"); ft=$(awk '{print $4}' <<< "$c"); }
    left=$((seconds - ($(date +%s) - start)))
    ((rc == 0)) && break
    status=1
    ((ci)) && break
    echo "fuzz.sh: $t stopped (exit $rc) with a finding; going on for ${left}s" >&2
  done
  found=$(($(ls "$art" | wc -l) - before))
  elapsed=$(($(date +%s) - start))
  printf '%-14s %12s %9s %7s %7s %7s %8ss  %s\n' "$t" "$execs" "$rate" "$cov" "$ft" "$(ls "$work" | wc -l)" \
    "$elapsed" "$found" >> "${TMPDIR:-/tmp}/fuzz-report.$$"
  if ((found || (ci && status))); then
    echo "=== fuzz target $t: a finding; the end of $log:" >&2
    tail -60 "$log" >&2
    echo "=== reproducers (run: $exe FILE):" >&2
    ls -t "$art" | head -5 | sed "s|^|  $art/|" >&2
  fi
done
cat "${TMPDIR:-/tmp}/fuzz-report.$$"
rm -f "${TMPDIR:-/tmp}/fuzz-report.$$"
exit $status
