#!/usr/bin/env bash
# The test command: Go unit tests, then end-to-end tests in which a real
# Jupyter client (/usr/bin/python3 + jupyter_client, nbconvert) drives the
# kernel. Run as root, it installs the Debian packages it needs; otherwise
# it fails with a message naming the fix if Jupyter is missing.
set -euo pipefail
cd "$(dirname "$0")"
PY=/usr/bin/python3

if ! command -v go >/dev/null; then
  echo "test.sh: Go is not installed (https://go.dev/doc/install), or add /usr/local/go/bin to PATH." >&2
  exit 1
fi
packages="python3-jupyter-client jupyter-nbconvert python3-nbclient python3-nbformat jupyter-notebook python3-ipykernel python3-pytest python3-zmq chromium chromium-driver python3-selenium jupyterhub python3-jupyter-server python3-jupyterlab-server iproute2 python3-yaml python3-jupyter-kernel-test jupyter-console tmux python3-pil gcc libc6-dev"
have_jupyter() { "$PY" -c 'import jupyter_client, nbconvert, nbclient, nbformat, pytest, zmq, selenium, jupyterhub, jupyter_server, jupyterlab_server, jupyter_kernel_test, tornado, yaml, PIL' 2>/dev/null && [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] && command -v configurable-http-proxy >/dev/null && command -v ip >/dev/null && command -v npm >/dev/null && command -v tmux >/dev/null && [ -x /usr/bin/jupyter-console ]; }
if ! have_jupyter && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "== installing the Jupyter client packages the tests need (apt-get)"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $packages >/dev/null
fi
if ! have_jupyter; then
  cat >&2 <<'MSG'
test.sh: the end-to-end tests need Jupyter for /usr/bin/python3 (Chromium for the browser test, JupyterHub
and iproute2 for the hub and two-host tests, jupyter-console and tmux for the console test), and
something is missing.
Fix (Debian/Ubuntu, as root):
  apt-get install python3-jupyter-client jupyter-nbconvert python3-nbclient python3-nbformat \
                  jupyter-notebook python3-ipykernel python3-pytest python3-zmq \
                  chromium chromium-driver python3-selenium jupyterhub python3-jupyter-server \
                  python3-jupyterlab-server iproute2 python3-yaml python3-jupyter-kernel-test jupyter-console tmux python3-pil
and Node.js 20 with npm (for the JupyterLab test page)
or run the tests as root: sudo ./test.sh   (installs them, then runs the tests)
MSG
  exit 1
fi

echo "== go vet"
go vet ./...
echo "== go test"
go test -count=1 ./...

echo "== fuzzing (a fixed number of inputs per target; longer: FUZZTIME=10m ./test.sh)"
# Counts rather than durations: a time limit that expires while a worker is
# busy makes go test report "context deadline exceeded" on a loaded machine.
fuzz() { go test -run='^$' -fuzz="^$1\$" -fuzztime="${FUZZTIME:-$3}" "$2"; }
fuzz FuzzDecode ./kernel 200000x
fuzz FuzzParseConnectionInfo ./kernel 100000x
fuzz FuzzCompileCell ./typecheck 10000x

echo "== end-to-end tests (jupyter_client, nbconvert)"
bin_dir=$(mktemp -d)
trap 'rm -rf "$bin_dir"' EXIT
go build -o "$bin_dir/" . ./cmd/gokernel-worker
GOKERNEL_BIN="$bin_dir/gokernel" "$PY" -m pytest -q -p no:cacheprovider tests "$@"

# JupyterLab 4.6: the test page in tests/jupyterlab is built once per
# package-lock.json (npm ci + webpack) into a cache directory keyed by the
# lock file's hash, then driven in headless Chromium (GOKERNEL_SKIP_LAB=1
# skips it).
if [ "${GOKERNEL_SKIP_LAB:-}" != 1 ]; then
  echo "== JupyterLab 4.6 tests (tests/jupyterlab, Playwright + Chromium)"
  t0=$(date +%s)
  lab=tests/jupyterlab
  key=$(cat "$lab/package-lock.json" "$lab/webpack.config.js" "$lab"/src/* | sha256sum | cut -c1-16)
  cache="${GOKERNEL_LAB_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/gokernel-lab}"
  build="$cache/build-$key"
  if [ ! -f "$build/bundle.js" ] || [ ! -d "$lab/node_modules/playwright-core" ]; then
    if [ ! -d "$lab/node_modules" ] || [ "$(cat "$lab/node_modules/.gokernel-lock" 2>/dev/null)" != "$key" ]; then
      (cd "$lab" && npm ci --no-audit --no-fund --loglevel=error && echo "$key" > node_modules/.gokernel-lock)
    fi
    mkdir -p "$cache"
    rm -rf "$build.tmp"
    (cd "$lab" && GOKERNEL_LAB_BUILD="$build.tmp" npx webpack --config webpack.config.js --stats errors-warnings)
    rm -rf "$build" && mv "$build.tmp" "$build"
    # Older builds of the page are not needed any more.
    find "$cache" -maxdepth 1 -name 'build-*' ! -name "build-$key" -exec rm -rf {} +
  fi
  GOKERNEL_BIN="$bin_dir/gokernel" GOKERNEL_LAB_BUILD="$build" node --test "$lab/lab.test.mjs"
  echo "JupyterLab tests took $(( $(date +%s) - t0 )) s; screenshots in tests/output/jupyterlab/"
fi
