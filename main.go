// Command gokernel is a Jupyter kernel for Go.
//
// Usage:
//
//	gokernel -f CONNECTION_FILE    run a kernel (Jupyter starts it this way)
//	gokernel install [--prefix DIR] install the kernelspec "gokernel"
//	gokernel version               print the version
//
// The kernel runs cells in a worker process, the program gokernel-worker
// installed next to this one (built from ./cmd/gokernel-worker), so that
// a Go fatal error in a cell costs the worker and never the kernel. This
// program never links the interpreter.
package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
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
	"runtime/pprof"
	"syscall"
	"time"

	"gokernel/kernel"
	"gokernel/kernel/workerproc"
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
	if os.Getenv("GOMAXPROCS") == "" {
		// The kernel process moves messages: on one thread, handing a
		// message from goroutine to goroutine needs no thread wake-up,
		// which takes a round trip from about 1.0 to 0.8 ms (p50).
		runtime.GOMAXPROCS(1)
	}
	if path := os.Getenv("GOKERNEL_CPUPROFILE"); path != "" {
		if stop, err := startCPUProfile(path); err != nil {
			logger.Print(err)
		} else {
			defer stop()
		}
	}
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
	exe, err := workerPath()
	if err != nil {
		logger.Print(err)
		return 1
	}
	limit := workerproc.DefaultMemoryLimit()
	if v, ok := os.LookupEnv("GOKERNEL_MEMORY_LIMIT"); ok {
		if limit, err = workerproc.ParseMemoryLimit(v); err != nil {
			logger.Print(err)
			return 1
		}
	}
	w := &workerproc.Client{Command: []string{exe, "worker"}, Env: workerEnv(limit, connFile), Log: logger, MemoryLimit: limit}
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
// per call (~400 B; 250 MB for fib(27)), so the collector's pace sets the speed of
// CPU-bound cells: fib(27) in the kernel took 0.47 s at GOGC=100, 0.39 s
// at 200 and 0.32 s at 400, with the worker's peak at 20, 23 and 31 MB.
// 200 keeps kernel + worker under 40 MB; users who prefer speed can start
// the kernel with GOGC=400 (cells' own processes get the user's value).
// The soft memory limit makes it collect harder before the worker's hard
// limit.
const workerGOGC = "200"

// workerEnv is the worker's environment: the kernel's, with Go's fatal
// errors printed without goroutine dumps and the GC tuned for the
// interpreter. The user's own values are restored for processes that
// cells start.
func workerEnv(memLimit int64, connFile string) []string {
	env := os.Environ()
	// The session module (imports of modules, %go get) is the kernel
	// session's: a replaced worker, or the kernel restarted by its frontend
	// on the same connection file, keeps the pins.
	if abs, err := filepath.Abs(connFile); err == nil && os.Getenv("GOKERNEL_SESSION") == "" {
		sum := sha256.Sum256([]byte(abs))
		env = append(env, "GOKERNEL_SESSION=k"+hex.EncodeToString(sum[:8]))
	}
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
	if _, err := workerNextTo(exe); err != nil {
		fmt.Fprintln(stderr, "gokernel install:", err)
		return 1
	}
	dir, err := kernel.InstallKernelSpec(exe, *prefix)
	if err != nil {
		fmt.Fprintln(stderr, "gokernel install:", err)
		return 1
	}
	fmt.Fprintf(stdout, "Installed kernelspec %q (Go (gokernel)) in %s\n", kernel.KernelName, dir)
	return 0
}

// workerName is the file name of the worker program, installed next to
// the gokernel binary.
const workerName = "gokernel-worker"

// workerPath returns the worker program the kernel starts:
// $GOKERNEL_WORKER, or gokernel-worker next to this binary.
func workerPath() (string, error) {
	if p := os.Getenv("GOKERNEL_WORKER"); p != "" {
		return p, nil
	}
	exe, err := os.Executable()
	if err != nil {
		return "", err
	}
	if resolved, err := filepath.EvalSymlinks(exe); err == nil {
		exe = resolved
	}
	return workerNextTo(exe)
}

// workerNextTo returns the worker program installed next to the binary exe,
// or an error saying how to build it.
func workerNextTo(exe string) (string, error) {
	p := filepath.Join(filepath.Dir(exe), workerName)
	if st, err := os.Stat(p); err != nil || st.IsDir() || st.Mode()&0o111 == 0 {
		return "", fmt.Errorf("the worker program %s is missing: build both programs with\n"+
			"  go build -o %s/ . ./cmd/gokernel-worker\n(./install.sh does this)", p, filepath.Dir(exe))
	}
	return p, nil
}

// startCPUProfile writes a CPU profile of this process to path until the
// returned stop is called (GOKERNEL_CPUPROFILE; the worker writes
// path.worker-PID: see README "Profiling").
func startCPUProfile(path string) (stop func(), err error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}
