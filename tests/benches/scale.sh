#!/usr/bin/env bash
# Measures what the divan benches cannot measure many times: `regc build`
# into an empty folder and over an unchanged one, its peak memory up to
# 10,000 regulations, and how long the generated crate takes to build
# (debug and release) with its peak memory. Prints a Markdown table.
#
#   tests/benches/scale.sh                 # 10, 100, 1,000 and 10,000 regulations
#   CRATE_SIZES="10 100" BUILD_RUNS=3 tests/benches/scale.sh
#
# Corpora are written by `examples/synth.rs` under target/scale/ (never
# committed); each figure is measured with /usr/bin/time -v. How busy the
# CPUs were just before each row is printed: run it on a quiet machine.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="${SCALE_DIR:-$root/target/scale}"
crate_sizes="${CRATE_SIZES:-10 100 1000}"
big="${BIG:-10000}"
runs="${BUILD_RUNS:-5}"
mkdir -p "$work"

echo "## Machine" >&2
echo "- $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); memory: $(free -h | awk '/Mem:/ {print $2}') total" >&2
echo "- $(date -u '+%Y-%m-%d %H:%M UTC'); $(rustc --version)" >&2

# Two builds: with `--example`, cargo would build only the example of the
# packages named, not regc's binary.
cargo build --quiet --release -p reglament-compiler --bin regc --manifest-path "$root/Cargo.toml"
cargo build --quiet --release -p reglament-tests --example synth --manifest-path "$root/Cargo.toml"
regc="$root/target/release/regc"
synth="$root/target/release/examples/synth"

# measure OUT CMD…: runs CMD under /usr/bin/time -v; sets $secs and $peak_mb.
measure() {
  local log="$work/time.log"
  /usr/bin/time -v -o "$log" "$@" >"$work/out.log" 2>&1 || { cat "$work/out.log" >&2; return 1; }
  secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$log")
  peak_mb=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$log")
}

# busy: how busy the CPUs were over the last second (%), from /proc/stat,
# so that a measurement taken while something else ran shows it.
busy() {
  local a b
  a=($(head -1 /proc/stat)); sleep 1; b=($(head -1 /proc/stat))
  local total=0 idle=$(( (b[4] + b[5]) - (a[4] + a[5]) ))
  for i in 1 2 3 4 5 6 7 8; do total=$(( total + b[i] - a[i] )); done
  echo "$(( total > 0 ? 100 * (total - idle) / total : 0 ))%"
}

# corpus N: writes (once) the corpus of N regulations; prints its folder.
corpus() {
  local dir="$work/corpus-$1"
  if [ ! -f "$dir/regulations/.synthetic-corpus" ]; then
    "$synth" "$1" "$dir" >&2
  fi
  echo "$dir"
}

# fresh_build N: `regc build` into a folder with no generated/ yet; sets $secs and $peak_mb.
fresh_build() {
  local src dir
  src="$(corpus "$1")"
  dir="$work/fresh-$1-$RANDOM$RANDOM"
  mkdir -p "$dir" && cp -r "$src/regulations" "$dir/"
  sync; sleep 2
  measure "$regc" build --root "$dir"
  stale+=("$dir")
}

stale=()
echo
echo "### regc build (compile, emit, write; 2 threads)"
echo
echo "| regulations | renditions | fresh build: min / median / max (s) | fresh peak RSS | rebuild, nothing changed: median (s) | CPU busy before |"
echo "|---:|---:|---|---:|---:|---:|"
for n in 10 100 1000 "$big"; do
  src="$(corpus "$n")"
  mb=$(du -sb --exclude=sources "$src/regulations" | awk '{printf "%.1f MB", $1/1e6}')
  l=$(busy)
  times=(); peaks=()
  reps=$runs; [ "$n" = "$big" ] && reps=1
  for _ in $(seq "$reps"); do fresh_build "$n"; times+=("$secs"); peaks+=("$peak_mb"); done
  sorted=($(printf '%s\n' "${times[@]}" | sort -g))
  peak=$(printf '%s\n' "${peaks[@]}" | sort -g | tail -1)
  rebuild=()
  for _ in $(seq "$reps"); do measure "$regc" build --root "${stale[-1]}"; rebuild+=("$secs"); done
  rsorted=($(printf '%s\n' "${rebuild[@]}" | sort -g))
  echo "| $n | $mb | ${sorted[0]} / ${sorted[$(( ${#sorted[@]} / 2 ))]} / ${sorted[-1]} | $peak MB | ${rsorted[$(( ${#rsorted[@]} / 2 ))]} | $l |"
done

echo
echo "### The generated crate: cargo build (2 cores)"
echo
echo "| regulations | generated Rust | debug: time (s) | debug: peak RSS | release: time (s) | release: peak RSS | CPU busy before |"
echo "|---:|---:|---:|---:|---:|---:|---:|"
for n in $crate_sizes; do
  dir="${stale[0]}"
  for d in "${stale[@]}"; do case "$d" in *fresh-$n-*) dir="$d";; esac; done
  crate="$dir/generated"
  cat > "$crate/Cargo.toml" <<TOML
[package]
name = "reglament-generated"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
reglament-runtime = { path = "$root/runtime" }
serde = { version = "1", features = ["derive"] }

[workspace]
TOML
  # The workspace's lock file: the same versions of serde, no registry needed.
  cp "$root/Cargo.lock" "$crate/Cargo.lock"
  rust=$(du -sb "$crate/src" | awk '{printf "%.1f MB", $1/1e6}')
  export CARGO_TARGET_DIR="$dir/target"
  # The runtime first, so that the figures are the generated crate's own.
  cargo build --quiet --manifest-path "$crate/Cargo.toml" -p reglament-runtime -p serde
  cargo build --quiet --release --manifest-path "$crate/Cargo.toml" -p reglament-runtime -p serde
  l=$(busy)
  measure cargo build --quiet --manifest-path "$crate/Cargo.toml"; dsecs=$secs; dpeak=$peak_mb
  measure cargo build --quiet --release --manifest-path "$crate/Cargo.toml"; rsecs=$secs; rpeak=$peak_mb
  unset CARGO_TARGET_DIR
  echo "| $n | $rust | $dsecs | $dpeak MB | $rsecs | $rpeak MB | $l |"
done

echo
echo "### Each phase once, one thread, $big regulations (examples/phases.rs)"
echo
echo '```text'
cargo build --quiet --release -p reglament-tests --example phases --manifest-path "$root/Cargo.toml"
"$root/target/release/examples/phases" "$(corpus "$big")"
echo '```'

# The measured folders go last: deleting files while measuring slows the disk down.
for d in "${stale[@]}"; do rm -rf "$d"; done
