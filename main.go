// Command gokernel is a Jupyter kernel for Go.
//
// Usage:
//
//	gokernel -f CONNECTION_FILE    run a kernel (Jupyter starts it this way)
//	gokernel install [--prefix DIR] install the kernelspec "gokernel"
//	gokernel version               print the version
//
// The kernel runs cells in a worker process (this same binary, started as
// "gokernel worker"), so that a Go fatal error in a cell costs the worker
// and never the kernel.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"syscall"
	"time"

	"gokernel/interp"
	"gokernel/kernel"
)

const usage = `gokernel — a Jupyter kernel for Go

Usage:
  gokernel -f CONNECTION_FILE     run a kernel on the sockets of a Jupyter connection file
                                  (if the file does not exist, write a new one: loopback, mode 0600)
  gokernel install [--prefix DIR] install the "Go (gokernel)" kernelspec (in $JUPYTER_DATA_DIR,
                                  ~/.local/share/jupyter, or DIR/share/jupyter with --prefix)
  gokernel version                print the version

Exit codes: 0 success, 1 runtime failure, 2 usage error.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is the command; it returns the exit code.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "version", "--version", "-version":
		fmt.Fprintf(stdout, "gokernel %s (%s %s/%s)\n", kernel.Version, runtime.Version(), runtime.GOOS, runtime.GOARCH)
		return 0
	case "help", "-h", "--help", "-help":
		fmt.Fprint(stdout, usage)
		return 0
	case "install":
		return install(args[1:], stdout, stderr)
	case "worker":
		return worker(stderr)
	case "proc-child":
		return procChild(stderr)
	}
	fs := flag.NewFlagSet("gokernel", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, usage) }
	connFile := fs.String("f", "", "connection file")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *connFile == "" || fs.NArg() > 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	return serve(*connFile, stderr)
}

// serve runs a kernel on the connection file until shutdown.
func serve(connFile string, stderr io.Writer) int {
	logger := log.New(stderr, "[gokernel] ", log.LstdFlags|log.Lmicroseconds)
	ci, err := kernel.ReadConnectionFile(connFile)
	if errors.Is(err, fs.ErrNotExist) {
		if ci, err = kernel.WriteConnectionFile(connFile); err == nil {
			logger.Printf("wrote connection file %s (connect with: jupyter console --existing %s)", connFile, connFile)
		}
	}
	if err != nil {
		logger.Print(err)
		return 1
	}
	exe, err := os.Executable()
	if err != nil {
		logger.Print(err)
		return 1
	}
	limit := kernel.DefaultMemoryLimit()
	if v, ok := os.LookupEnv("GOKERNEL_MEMORY_LIMIT"); ok {
		if limit, err = kernel.ParseMemoryLimit(v); err != nil {
			logger.Print(err)
			return 1
		}
	}
	w := &kernel.ProcessWorker{Command: []string{exe, "worker"}, Env: workerEnv(limit), Log: logger, MemoryLimit: limit}
	k, err := kernel.New(ci, w, logger)
	if err != nil {
		logger.Print(err)
		return 1
	}
	go func() {
		if err := w.Start(); err != nil {
			logger.Printf("worker: %v", err)
		}
	}()

	sigs := make(chan os.Signal, 4)
	signal.Notify(sigs, syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP)
	go func() {
		for sig := range sigs {
			if sig == syscall.SIGINT {
				k.Interrupt()
				continue
			}
			k.Stop()
		}
	}()
	go watchParent(k)
	if err := k.Run(context.Background()); err != nil {
		logger.Print(err)
		return 1
	}
	return 0
}

// workerGOGC is the worker's GC target: the interpreter allocates a frame
// per call, and a less eager collector makes CPU-bound cells about 1.7x
// faster (fib(25): 206 ms at GOGC=100, 118 ms at 400). The soft memory
// limit makes it collect harder before the worker's hard limit.
const workerGOGC = "400"

// workerEnv is the worker's environment: the kernel's, with Go's fatal
// errors printed without goroutine dumps and the GC tuned for the
// interpreter. The user's own values are restored for processes that
// cells start.
func workerEnv(memLimit int64) []string {
	env := os.Environ()
	for _, v := range []string{"GOTRACEBACK", "GOGC", "GOMEMLIMIT"} {
		env = append(env, "GOKERNEL_USER_"+v+"="+os.Getenv(v))
	}
	env = append(env, "GOTRACEBACK=none")
	if os.Getenv("GOGC") == "" {
		env = append(env, "GOGC="+workerGOGC)
	}
	if os.Getenv("GOMEMLIMIT") == "" && memLimit > 0 {
		env = append(env, fmt.Sprintf("GOMEMLIMIT=%d", memLimit/10*9))
	}
	return env
}

// watchParent stops the kernel when the process that started it (the
// Jupyter server) goes away, so no kernel is left behind.
func watchParent(k *kernel.Kernel) {
	parent := os.Getppid()
	for range time.Tick(time.Second) {
		if os.Getppid() != parent {
			k.Stop()
			return
		}
	}
}

// install writes the kernelspec for this binary.
func install(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("gokernel install", flag.ContinueOnError)
	fs.SetOutput(stderr)
	prefix := fs.String("prefix", "", "install under `DIR`/share/jupyter/kernels (system-wide or virtualenv)")
	binary := fs.String("binary", "", "path of the gokernel binary the kernelspec runs (default: this one)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	exe := *binary
	if exe == "" {
		var err error
		if exe, err = os.Executable(); err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
	}
	exe, _ = filepath.Abs(exe)
	dir, err := kernel.InstallKernelSpec(exe, *prefix)
	if err != nil {
		fmt.Fprintln(stderr, "gokernel install:", err)
		return 1
	}
	fmt.Fprintf(stdout, "Installed kernelspec %q (Go (gokernel)) in %s\n", kernel.KernelName, dir)
	return 0
}

// worker runs the worker process (started by the kernel, not by users).
func worker(stderr io.Writer) int {
	// The runtime has read these at start-up: give the user's own values
	// back to the processes cells start.
	for _, name := range []string{"GOTRACEBACK", "GOGC", "GOMEMLIMIT"} {
		if v, ok := os.LookupEnv("GOKERNEL_USER_" + name); ok {
			if v == "" {
				os.Unsetenv(name)
			} else {
				os.Setenv(name, v)
			}
			os.Unsetenv("GOKERNEL_USER_" + name)
		}
	}
	code := servePipes(stderr, "worker", "the kernel starts workers", interp.Serve)
	if code == 0 {
		interp.KillChildren()
	}
	return code
}

// procChild runs a child process of package proc (started by the worker).
func procChild(stderr io.Writer) int {
	return servePipes(stderr, "proc-child", "package proc starts children", interp.ServeProcChild)
}

// servePipes runs serve on the pipes its parent passed as fd 3 (input) and
// fd 4 (output), and returns the exit code.
func servePipes(stderr io.Writer, mode, starter string, serve func(in io.Reader, out io.Writer) error) int {
	in, out := os.NewFile(3, "in"), os.NewFile(4, "out")
	if !isPipe(in) || !isPipe(out) {
		fmt.Fprintf(stderr, "gokernel %s: fd 3 and 4 must be pipes from the parent (%s)\n", mode, starter)
		return 2
	}
	if err := serve(in, out); err != nil {
		fmt.Fprintf(stderr, "gokernel %s: %v\n", mode, err)
		return 1
	}
	return 0
}

// isPipe reports whether f is a pipe (run by hand, fd 3 may be anything,
// e.g. the Go runtime's own epoll descriptor).
func isPipe(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeNamedPipe != 0
}
