// Package kernel is the Jupyter side of gokernel: everything that speaks
// the Jupyter messaging protocol.
//
// It reads the connection file, owns the ZeroMQ sockets (shell, control and
// stdin ROUTERs, the iopub PUB and the heartbeat REP), verifies and signs
// messages, dispatches requests by type and publishes results on iopub.
// Cells are run by a Worker (worker.go); the standard one, in package
// kernel/workerproc, is a child process running the gokernel-worker
// program, so a Go fatal error in user code costs the worker, never the
// kernel.
//
// This package never imports the interpreter.
package kernel
