package magic

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"gokernel/autoimport"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"

	"gokernel/fatal"
	"gokernel/pipe"
)

// cellCompile runs a cell that is a complete package main as a compiled Go
// program: built with the Go toolchain (cached by content, so re-running an
// unchanged cell starts at once), run with its output streamed into the
// cell, stopped with its whole process group on interrupt.
func cellCompile(c *call) (map[string]any, error) {
	ctx, body := c.ctx, c.body
	race := false
	for _, a := range strings.Fields(c.args) {
		switch a {
		case "-race":
			race = true
		default:
			return nil, magicError("%%%%compile: unknown flag %q (only -race)", a)
		}
	}
	goTool, err := findGo()
	if err != nil {
		return nil, err
	}
	if !packageClause.MatchString(body) {
		body = "package main; " + body // on the first line: error lines stay the cell's
	}
	body = withMissingImports(body)
	bin, err := buildCell(ctx, goTool, body, race)
	if err != nil {
		return nil, err
	}
	return nil, c.runProgram(exec.Command(bin), "the program")
}

// packageClause finds the package clause of a program.
var packageClause = regexp.MustCompile(`(?m)^package\s+main\b`)

// withMissingImports adds the standard packages src uses without importing
// them, as cells get them: on the line of the package clause, so that the
// compiler's line numbers stay those of the cell.
func withMissingImports(src string) string {
	missing := autoimport.MissingImports(src, nil)
	loc := packageClause.FindStringIndex(src)
	if len(missing) == 0 || loc == nil {
		return src
	}
	specs := make([]string, len(missing))
	for i, p := range missing {
		specs[i] = strconv.Quote(p)
	}
	return src[:loc[1]] + "; import (" + strings.Join(specs, "; ") + ")" + src[loc[1]:]
}

// findGo returns the go command, or an error that says how to get one.
func findGo() (string, error) {
	if p, err := exec.LookPath("go"); err == nil {
		return p, nil
	}
	for _, p := range []string{filepath.Join(runtime.GOROOT(), "bin", "go"), "/usr/local/go/bin/go", "/usr/lib/go/bin/go"} {
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p, nil
		}
	}
	return "", magicError("%%%%compile needs the Go toolchain, and no `go` command was found on PATH: install Go (https://go.dev/dl/) and restart the kernel")
}

// buildCell builds the program in a cache directory keyed by its source and
// flags, and returns the binary's path.
func buildCell(ctx context.Context, goTool, src string, race bool) (string, error) {
	h := sha256.Sum256([]byte(fmt.Sprintf("%s\x00race=%v\x00%s", runtime.Version(), race, src)))
	cache, err := os.UserCacheDir()
	if err != nil {
		cache = os.TempDir()
	}
	dir := filepath.Join(cache, "gokernel", "compile", hex.EncodeToString(h[:12]))
	bin := filepath.Join(dir, "cell")
	if st, err := os.Stat(bin); err == nil && st.Mode().IsRegular() {
		return bin, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	files := map[string]string{
		"main.go": src,
		"go.mod":  "module cell\n\ngo 1.22\n",
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			return "", err
		}
	}
	args := []string{"build", "-o", bin + ".tmp"}
	if race {
		args = append(args, "-race")
	}
	cmd := exec.CommandContext(ctx, goTool, append(args, ".")...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GO111MODULE=on", "GOTOOLCHAIN=local")
	if race {
		cmd.Env = append(cmd.Env, "CGO_ENABLED=1")
	}
	out, err := cmd.CombinedOutput()
	if err != nil {
		if ctx.Err() != nil {
			return "", magicInterrupted()
		}
		return "", buildError(string(out), err)
	}
	return bin, os.Rename(bin+".tmp", bin)
}

var goErrorPos = regexp.MustCompile(`(?m)^\./main\.go:(\d+):(\d+): `)

// buildError turns go build's output into a cell error with cell lines.
func buildError(out string, err error) error {
	out = strings.TrimSpace(out)
	out = strings.TrimSpace(strings.TrimPrefix(out, "# cell"))
	out = goErrorPos.ReplaceAllString(out, "line $1, column $2: ")
	lines := strings.Split(out, "\n")
	value := lines[0]
	if value == "" {
		value = err.Error()
	}
	return &pipe.Error{Name: "CompileError", Value: value, Traceback: append([]string{"\x1b[31mCompileError\x1b[0m (%%compile)"}, lines...)}
}

// runProgram runs cmd with the worker's stdout and stderr, in its own
// process group, which is killed when ctx is cancelled. A non-zero exit is
// an error that quotes the program's last stderr line (e.g. Go's deadlock
// message).
func (c *call) runProgram(cmd *exec.Cmd, what string) error {
	ctx := c.ctx
	var tail fatal.Tail
	cmd.Stdout = c.r.Stdout
	cmd.Stderr = io.MultiWriter(c.r.Stderr, &tail)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		return magicError("cannot start %s: %v", what, err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		return exitError(err, what, tail.Line())
	case <-ctx.Done():
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		select {
		case <-done:
		case <-time.After(2 * time.Second):
		}
		return magicInterrupted()
	}
}

// exitError describes how a program ended; nil for exit status 0.
func exitError(err error, what, lastErrLine string) error {
	if err == nil {
		return nil
	}
	var ee *exec.ExitError
	msg := err.Error()
	if errors.As(err, &ee) {
		msg = fmt.Sprintf("%s ended with %s", what, ee.ProcessState.String())
	}
	if lastErrLine != "" {
		msg += ": " + lastErrLine
	}
	return &pipe.Error{Name: "ExitError", Value: msg, Traceback: []string{"\x1b[31mExitError\x1b[0m: " + msg}}
}

// shell runs a !command through sh, streaming its output. A failing
// command prints its exit status but does not fail the cell (as in IPython).
func shell(c *call) (map[string]any, error) {
	return nil, c.runShell(c.args)
}

// runShell runs command with sh.
func (c *call) runShell(command string) error {
	if command == "" {
		return nil
	}
	cmd := exec.Command("/bin/sh", "-c", command)
	err := c.runProgram(cmd, "the command")
	var pe *pipe.Error
	if errors.As(err, &pe) && pe.Name == "ExitError" {
		fmt.Fprintf(c.r.Stderr, "(%s)\n", cmd.ProcessState)
		return nil
	}
	return err
}
