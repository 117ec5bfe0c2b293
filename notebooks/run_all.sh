#!/usr/bin/env bash
# Regenerates the stored outputs of the teaching notebooks: executes every
# notebook (or the ones given as arguments) in place, one at a time, with the
# installed "gokernel" kernelspec, and prints how long each one took.
#
#   notebooks/run_all.sh                         # all NN_*.ipynb notebooks
#   notebooks/run_all.sh 05_web_scraping.ipynb   # only some
#
# Install the kernel first (../install.sh). Jupyter finds it in its data
# directory ($JUPYTER_DATA_DIR if set). A cell error stops the script.
set -euo pipefail
cd "$(dirname "$0")"

# The Python that has Jupyter (Debian's python3-nbconvert lives in /usr/bin/python3).
PY=${PYTHON:-python3}
if [ -z "${PYTHON:-}" ] && [ -x /usr/bin/python3 ]; then PY=/usr/bin/python3; fi
if ! "$PY" -c 'import nbconvert' 2>/dev/null; then
  echo "run_all.sh: nbconvert is not installed for $PY (see ../README.md); set PYTHON=... to another Python" >&2
  exit 1
fi
if ! "$PY" -c 'from jupyter_client.kernelspec import KernelSpecManager as K; K().get_kernel_spec("gokernel")' 2>/dev/null; then
  echo "run_all.sh: the gokernel kernel is not installed: run ../install.sh (or gokernel install)" >&2
  exit 1
fi

if [ $# -gt 0 ]; then
  notebooks=("$@")
else
  notebooks=([0-9][0-9]_*.ipynb)
fi

now() { date +%s.%N; }
all_start=$(now)
for nb in "${notebooks[@]}"; do
  start=$(now)
  "$PY" -m nbconvert --to notebook --execute --inplace \
    --ExecutePreprocessor.kernel_name=gokernel \
    --ExecutePreprocessor.timeout=120 \
    --log-level=WARN "$nb"
  awk -v a="$start" -v b="$(now)" -v n="$nb" 'BEGIN { printf "%-45s %6.1f s\n", n, b - a }'
done
awk -v a="$all_start" -v b="$(now)" -v n="${#notebooks[@]}" 'BEGIN { printf "%d notebooks in %.1f s\n", n, b - a }'
