#!/usr/bin/env bash
# Installs gokernel: builds the binary, installs it, and registers the
# "Go (gokernel)" kernelspec with Jupyter. Safe to run again (it replaces the
# previous install).
#
#   ./install.sh                 binary in ~/.local/bin, kernelspec in the user's Jupyter data dir
#                                ($JUPYTER_DATA_DIR if set, else ~/.local/share/jupyter)
#   ./install.sh --prefix DIR    binary in DIR/bin, kernelspec in DIR/share/jupyter (system-wide: /usr/local;
#                                a virtualenv: "$VIRTUAL_ENV")
#   ./install.sh --no-frontend   do not offer to install a Jupyter frontend
set -euo pipefail
cd "$(dirname "$0")"

prefix=""
frontend=1
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix="${2:?--prefix needs a directory}"; shift 2 ;;
    --prefix=*) prefix="${1#--prefix=}"; shift ;;
    --no-frontend) frontend=0; shift ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

# 1. Go
if ! command -v go >/dev/null 2>&1 && [ -x /usr/local/go/bin/go ]; then
  export PATH="$PATH:/usr/local/go/bin"
fi
if ! command -v go >/dev/null 2>&1; then
  echo "install.sh: Go is not installed. Install Go 1.26 or newer from https://go.dev/dl/ (or: apt-get install golang-go) and run ./install.sh again." >&2
  exit 1
fi
gover=$(go env GOVERSION | sed 's/^go//')
major=${gover%%.*}; rest=${gover#*.}; minor=${rest%%.*}
if [ "$major" -lt 1 ] || { [ "$major" -eq 1 ] && [ "$minor" -lt 26 ]; }; then
  echo "install.sh: Go $gover is too old; gokernel needs Go 1.26 or newer (https://go.dev/dl/)." >&2
  exit 1
fi

# 2. Build and install the binaries: the kernel and the worker it runs cells in.
if [ -n "$prefix" ]; then bindir="$prefix/bin"; else bindir="$HOME/.local/bin"; fi
mkdir -p "$bindir"
# The cells' standard library is the building toolchain's: its symbol tables
# are extracted again when this Go release or platform is not the one they hold.
tables=$(sed -n 's/^const GoVersion = "\(.*\)"/\1/p' stdlib/z_version.go)
platform=$(sed -n 's/^const Platform = "\(.*\)"/\1/p' stdlib/z_version.go)
release=$(go env GOVERSION | grep -o '^go1\.[0-9]*' || true)
if [ "$tables" != "$release" ] || [ "$platform" != "$(go env GOOS)/$(go env GOARCH)" ]; then
  echo "Extracting the standard library of $release for the interpreter (once, about 2 minutes) ..."
  (cd stdlib && go run generate.go)
fi
echo "Building gokernel with Go $gover ..."
# The worker loads Go plugins (the native tier: functions at compiled
# speed), which needs cgo; without a C compiler it runs everything
# interpreted and %native says why.
if [ "$(go env CGO_ENABLED)" != 1 ]; then
  echo "Note: cgo is off (no C compiler? install gcc): the native tier will be unavailable, cells run interpreted."
fi
build=$(mktemp -d)
trap 'rm -rf "$build"' EXIT
go build -o "$build/" . ./cmd/gokernel-worker
# The worker first: a running kernel finds a complete pair at any moment.
mv -f "$build/gokernel-worker" "$bindir/gokernel-worker"
mv -f "$build/gokernel" "$bindir/gokernel"
echo "Installed $bindir/gokernel and $bindir/gokernel-worker"

# 3. Register the kernelspec.
if [ -n "$prefix" ]; then
  "$bindir/gokernel" install --prefix "$prefix"
else
  "$bindir/gokernel" install
fi

# 4. A Jupyter frontend to use it with.
have_frontend() {
  command -v jupyter-lab >/dev/null 2>&1 || command -v jupyter-notebook >/dev/null 2>&1 ||
    { command -v jupyter >/dev/null 2>&1 && jupyter notebook --version >/dev/null 2>&1; }
}
if ! have_frontend; then
  echo "No Jupyter frontend (JupyterLab or Notebook) was found."
  if [ "$frontend" = 1 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian's Jupyter Notebook and nbconvert with apt-get ..."
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq jupyter-notebook jupyter-nbconvert python3-nbclient >/dev/null
  elif [ "$frontend" = 1 ] && command -v pip3 >/dev/null 2>&1 && pip3 install --user jupyterlab >/dev/null 2>&1; then
    echo "Installed JupyterLab with pip (pip3 install --user jupyterlab)."
  else
    echo "Get one with:  sudo apt-get install jupyter-notebook   or   pip install jupyterlab"
  fi
fi
case ":$PATH:" in
  *":$bindir:"*) ;;
  *) echo "Note: $bindir is not on your PATH (the kernelspec uses the full path, so Jupyter finds it anyway)." ;;
esac
echo
echo "Done. Start Jupyter (for example: jupyter notebook notebooks/) and pick the kernel \"Go (gokernel)\"."
