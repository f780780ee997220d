#!/usr/bin/env bash
# Whole-process comparison with DuckDB on the same files: each case runs our console (published as the README says: a
# native executable) and a DuckDB process (DuckDB.NET,
# benchmarks/SocialWork.Benchmarks -- duckdb …) one after the other, ROUNDS times interleaved, and reports the median
# wall time and peak resident memory (/usr/bin/time) of each and their ratios, as a Markdown table on standard output.
#
#   benchmarks/versus-duckdb.sh [N=10000000] [WORK=/tmp/versus-duckdb] [ROUNDS=3]
#
# Cases (township × month × domain, the StoreBenchmarks query):
#   csv      report --records records.csv            vs  read_csv + GROUP BY
#   convert  convert --records records.csv --partition none  vs  COPY (read_csv) TO x.parquet   (and the files' sizes)
#   parquet  report --records <our dataset>          vs  read_parquet over the same files + GROUP BY
#   people   report over records naming 1 of N/10 people each  vs  count(DISTINCT person) over the same file
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000000}; work=${2:-/tmp/versus-duckdb}; rounds=${3:-3}
mkdir -p "$work"
dotnet publish samples/SocialWork.Samples.Console -c Release -o "$work/native" -nologo -v q >/dev/null
dotnet build benchmarks/SocialWork.Benchmarks -c Release -nologo -v q >/dev/null
ours=("$work/native/socialwork")
duck=(benchmarks/SocialWork.Benchmarks/bin/Release/net10.0/SocialWork.Benchmarks duckdb)
report=(--level township --period month --by domain --format csv --lang en)

if [ ! -f "$work/records.csv" ]; then "${ours[@]}" generate --records "$n" --out "$work/records.csv" --lang en >/dev/null; fi
if [ ! -f "$work/pm/people/records.parquet" ]; then benchmarks/SocialWork.Benchmarks/bin/Release/net10.0/SocialWork.Benchmarks people-memory write "$work/pm" "$n" >/dev/null; fi
rm -rf "$work/ds"; "${ours[@]}" convert --records "$work/records.csv" --out "$work/ds" --partition none --lang en >/dev/null
rm -f "$work/duck.parquet"; "${duck[@]}" convert "$work/records.csv" "$work/duck.parquet" >/dev/null

# measure NAME CMD… : appends "seconds kilobytes" of one run to $work/NAME.runs
measure() {
  local name=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time.out" "$@" >/dev/null
  cat "$work/time.out" >>"$work/$name.runs"
}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

rm -f "$work"/*.runs
for _ in $(seq "$rounds"); do
  measure csv.ours "${ours[@]}" report --records "$work/records.csv" "${report[@]}"
  measure csv.duck "${duck[@]}" csv "$work/records.csv"
  rm -rf "$work/ds2"; measure convert.ours "${ours[@]}" convert --records "$work/records.csv" --out "$work/ds2" --partition none --lang en
  rm -f "$work/duck2.parquet"; measure convert.duck "${duck[@]}" convert "$work/records.csv" "$work/duck2.parquet"
  measure parquet.ours "${ours[@]}" report --records "$work/ds" "${report[@]}"
  measure parquet.duck "${duck[@]}" parquet "$work/ds/*.parquet"
  measure people.ours "${ours[@]}" report --records "$work/pm/people" "${report[@]}"
  measure people.duck "${duck[@]}" people "$work/pm/people/*.parquet"
done

echo "| case ($n records) | ours: time, peak memory | DuckDB: time, peak memory | time ratio (DuckDB ÷ ours; > 1 = we are faster) | memory ratio (ours ÷ DuckDB) |"
echo "|---|---|---|---|---|"
for c in csv convert parquet people; do
  ot=$(cut -d' ' -f1 "$work/$c.ours.runs" | median); om=$(cut -d' ' -f2 "$work/$c.ours.runs" | median)
  dt=$(cut -d' ' -f1 "$work/$c.duck.runs" | median); dm=$(cut -d' ' -f2 "$work/$c.duck.runs" | median)
  awk -v c="$c" -v ot="$ot" -v om="$om" -v dt="$dt" -v dm="$dm" 'BEGIN {
    printf "| %s | %.2f s, %d MB | %.2f s, %d MB | %.2f× | %.2f× |\n", c, ot, om / 1024, dt, dm / 1024, dt / ot, om / dm }'
done
ours_size=$(du -b "$work"/ds/*.parquet | awk '{ s += $1 } END { print s }'); duck_size=$(stat -c %s "$work/duck.parquet")
awk -v o="$ours_size" -v d="$duck_size" 'BEGIN { printf "\nFile of the same records: ours %.0f MB, DuckDB default Parquet %.0f MB (%.2f×).\n", o / 1048576, d / 1048576, o / d }'
echo "Median of $rounds interleaved rounds; $(nproc) cores; $(dotnet --version) SDK; $(date -u +%F)."
