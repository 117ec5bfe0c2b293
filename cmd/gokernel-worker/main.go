// Command gokernel-worker runs notebook cells for the gokernel supervisor.
//
// Users do not run it: the kernel (gokernel -f ...) starts it next to
// itself, and it runs cells with the interpreter until the kernel closes
// its pipes. Package proc starts it again as "gokernel-worker proc-child"
// for the child processes cells create. It is a program of its own so that
// the kernel process does not carry the interpreter and the standard
// library symbols (a third of the memory it used to hold).
//
// Both modes talk over the pipes the parent passes as fd 3 (input) and
// fd 4 (output); see package gokernel/pipe.
package main

import (
	"fmt"
	"io"
	"os"
	"runtime/pprof"

	"gokernel/pipe"
	"gokernel/worker"
)

func main() {
	mode := "worker"
	if len(os.Args) > 1 {
		mode = os.Args[1]
	}
	switch mode {
	case "worker":
		os.Exit(runWorker(os.Stderr))
	case "proc-child":
		os.Exit(servePipes(os.Stderr, "proc-child", "package proc starts children", worker.ServeProcChild))
	}
	fmt.Fprintf(os.Stderr, "gokernel-worker: unknown mode %q (the gokernel kernel starts this program; run gokernel instead)\n", mode)
	os.Exit(2)
}

// runWorker runs the worker process and returns its exit code.
func runWorker(stderr io.Writer) int {
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
	if path := os.Getenv("GOKERNEL_CPUPROFILE"); path != "" {
		if f, err := os.Create(fmt.Sprintf("%s.worker-%d", path, os.Getpid())); err != nil {
			fmt.Fprintln(stderr, "gokernel-worker:", err)
		} else if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintln(stderr, "gokernel-worker:", err)
		}
	}
	code := servePipes(stderr, "worker", "the kernel starts workers", worker.Serve)
	pprof.StopCPUProfile() // here: the worker then kills its process group, itself included
	if code == 0 {
		worker.KillChildren()
	}
	return code
}

// servePipes runs serve on the pipes its parent passed as fd 3 (input) and
// fd 4 (output), and returns the exit code.
func servePipes(stderr io.Writer, mode, starter string, serve func(in io.Reader, out io.Writer) error) int {
	in, out, err := pipe.Open()
	if err != nil {
		fmt.Fprintf(stderr, "gokernel-worker %s: %v (%s)\n", mode, err, starter)
		return 2
	}
	if err := serve(in, out); err != nil {
		fmt.Fprintf(stderr, "gokernel-worker %s: %v\n", mode, err)
		return 1
	}
	return 0
}
