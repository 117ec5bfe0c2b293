// Package native builds Go plugins from generated source and loads them:
// the native tier, where the notebook functions that the type checker
// proves self-contained run as compiled code (see Tier). It finds the
// toolchain and build flags the worker itself was built with (Toolchain),
// builds plugins into the user's cache directory (Builder), decides which
// functions qualify (Analyze) and tracks them for a session (Tier). It does
// not import the interpreter: the session gives the loaded functions to it
// (Installer).
package native

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sort"
	"strings"
)

// Toolchain is the go command and the build flags that build plugins
// which the running program can load: the same Go release, the same
// flags and environment as the program's own build (debug.ReadBuildInfo).
type Toolchain struct {
	// Go is the path of the go command.
	Go string
	// Version is the Go release both were built with ("go1.26.8").
	Version string
	// Flags are the go build flags besides -buildmode=plugin (-trimpath,
	// -tags, -ldflags, -gcflags...).
	Flags []string
	// Env is the build environment (CGO_ENABLED, GOOS, GOARCH, GOAMD64,
	// CGO_CFLAGS...), added to the process's.
	Env []string
	// Key identifies the toolchain and flags (a directory name).
	Key string
}

// HostToolchain returns the toolchain that builds plugins for this
// program, or an error saying in one sentence why this program cannot load
// plugins (cgo disabled, no C compiler, no go command, another Go release).
func HostToolchain() (*Toolchain, error) {
	switch runtime.GOOS {
	case "linux", "darwin", "freebsd":
	default:
		return nil, fmt.Errorf("Go plugins do not exist on %s", runtime.GOOS)
	}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return nil, errors.New("the worker has no build information to build matching plugins from")
	}
	t := &Toolchain{Version: bi.GoVersion}
	settings := map[string]string{}
	for _, s := range bi.Settings {
		settings[s.Key] = s.Value
	}
	return t, t.fill(settings)
}

// fill sets the flags and environment from the build settings and finds
// the go command.
func (t *Toolchain) fill(settings map[string]string) error {
	if settings["CGO_ENABLED"] != "1" {
		return errors.New("the worker was built with CGO_ENABLED=0 (Go plugins need cgo: rebuild it with ./install.sh on a machine with a C compiler)")
	}
	for _, flag := range []string{"-trimpath", "-race", "-msan", "-asan"} {
		if settings[flag] == "true" {
			t.Flags = append(t.Flags, flag)
		}
	}
	for _, flag := range []string{"-tags", "-ldflags", "-gcflags", "-asmflags", "-pgo"} {
		if v, ok := settings[flag]; ok && v != "" && !(flag == "-pgo" && v == "off") {
			t.Flags = append(t.Flags, flag+"="+v)
		}
	}
	for k, v := range settings {
		if k == "CGO_ENABLED" || strings.HasPrefix(k, "CGO_") || (strings.HasPrefix(k, "GO") && k == strings.ToUpper(k)) {
			t.Env = append(t.Env, k+"="+v)
		}
	}
	t.Flags = pluginLinkFlags(t.Flags)
	sort.Strings(t.Env)
	t.Env = append(t.Env, "GOTOOLCHAIN=local", "GOFLAGS=", "GOWORK=off", "GO111MODULE=on", "GOPROXY=off")
	goCmd, err := findGo(t.Version)
	if err != nil {
		return err
	}
	t.Go = goCmd
	cc, err := t.output("env", "CC")
	if err != nil {
		return fmt.Errorf("go env CC: %v", err)
	}
	if cc = strings.Fields(cc + " ")[0]; cc == "" {
		return errors.New("no C compiler is configured (go env CC is empty)")
	}
	if _, err := exec.LookPath(cc); err != nil {
		return fmt.Errorf("the C compiler %s is not installed (Go plugins need cgo)", cc)
	}
	h := sha256.Sum256([]byte(t.Version + "\x00" + strings.Join(t.Flags, "\x00") + "\x00" + strings.Join(t.Env, "\x00") + "\x00" + runtime.GOOS + "/" + runtime.GOARCH))
	t.Key = t.Version + "-" + hex.EncodeToString(h[:6])
	return nil
}

// pluginLinkFlags returns the worker's flags with the link flags that
// make a plugin faster to build, which loading it does not check: no symbol
// table and no DWARF (-s -w; a panic's stack still names the functions and
// lines), and the gold linker where it is installed (cgo links plugins with
// the C compiler). The link is most of a plugin's build: fib's went from
// 0.67 to 0.53 s and from 2.3 to 1.6 MB (BenchmarkPluginBuild, one run).
func pluginLinkFlags(flags []string) []string {
	extra := "-s -w"
	if _, err := exec.LookPath("ld.gold"); err == nil && !strings.Contains(strings.Join(flags, " "), "-extldflags") {
		extra += " -extldflags=-fuse-ld=gold"
	}
	out := make([]string, 0, len(flags)+1)
	found := false
	for _, f := range flags {
		if v, ok := strings.CutPrefix(f, "-ldflags="); ok {
			f, found = "-ldflags="+v+" "+extra, true
		}
		out = append(out, f)
	}
	if !found {
		out = append(out, "-ldflags="+extra)
	}
	return out
}

// findGo returns a go command of release version: the one of the
// program's GOROOT, else the first on PATH.
func findGo(version string) (string, error) {
	var candidates []string
	if root := runtime.GOROOT(); root != "" { //nolint:staticcheck // the build's GOROOT, when it was recorded
		candidates = append(candidates, filepath.Join(root, "bin", "go"))
	}
	if p, err := exec.LookPath("go"); err == nil {
		candidates = append(candidates, p)
	}
	if len(candidates) == 0 {
		return "", errors.New("no go command was found (the native tier builds plugins with it: put Go on the PATH of the Jupyter server)")
	}
	var others []string
	for _, c := range candidates {
		out, err := exec.Command(c, "env", "GOVERSION").Output()
		if err != nil {
			continue
		}
		v := strings.TrimSpace(string(out))
		if v == version {
			return c, nil
		}
		others = append(others, c+" is "+v)
	}
	return "", fmt.Errorf("no go command of %s, the worker's release, was found (%s): plugins must be built by the same release", version, strings.Join(others, ", "))
}

// command returns the go command with args in dir, with the build
// environment.
func (t *Toolchain) command(dir string, args ...string) *exec.Cmd {
	cmd := exec.Command(t.Go, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), t.Env...)
	return cmd
}

// output runs the go command with args and returns its trimmed output.
func (t *Toolchain) output(args ...string) (string, error) {
	out, err := t.command("", args...).Output()
	return strings.TrimSpace(string(out)), err
}
