// Package kernel is the supervisor side of gokernel: everything that speaks
// the Jupyter messaging protocol.
//
// It reads the connection file, owns the ZeroMQ sockets (shell, control and
// stdin ROUTERs, the iopub PUB and the heartbeat REP), verifies and signs
// messages, dispatches requests by type and publishes results on iopub.
// Cells are run by a Worker (see worker.go); the standard one is a child
// process, the gokernel-worker program (see ProcessWorker), so a Go fatal
// error in user code costs the worker, never the kernel.
//
// This package never imports the interpreter.
package kernel
