// Package workerproc starts and supervises the worker process for the
// kernel: it implements kernel.Worker over the pipe protocol (package
// pipe), pumps the worker's stdout and stderr into stream messages in order
// with its events, enforces the memory limit, and replaces a worker that
// dies, quoting Go's fatal error to the cell that was running.
package workerproc
