// Package worker is the worker process: it serves the kernel's requests on
// the pipes of package pipe, running cells on a session (package session)
// through their magics (package magic), answering completion and
// inspection (package complete), asking the frontend for stdin, and wiring
// the packages cells import (gokernel/display, gokernel/proc) to the pipes.
// It also serves the child processes of package proc (ServeProcChild).
package worker
