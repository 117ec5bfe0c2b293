package pipe

import "os"

// WorkerDirEnv names the environment variable that gives a worker a
// directory of its own for the files it makes while it runs (the sockets of
// proc's queues, the debugger's copies of cells). The kernel makes the
// directory when it starts the worker and removes it once the worker has
// ended, killed or not, so that nothing piles up in /tmp on a machine that
// runs a kernel per learner.
const WorkerDirEnv = "GOKERNEL_WORKER_DIR"

// TempDir returns the worker's own directory (see WorkerDirEnv), or
// os.TempDir() in a process the kernel did not start.
func TempDir() string {
	if d := os.Getenv(WorkerDirEnv); d != "" {
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			return d
		}
	}
	return os.TempDir()
}
