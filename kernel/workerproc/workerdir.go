package workerproc

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
)

// workerDirPrefix starts the name of a worker's own directory (see
// pipe.WorkerDirEnv): the prefix, the kernel's process id, a dash, and a
// random part.
const workerDirPrefix = "gokernel-worker-"

var sweepOnce sync.Once

// makeWorkerDir makes a directory for a worker of this kernel. The first
// time, it also removes the directories of kernels that are no longer
// running: a kernel killed with SIGKILL cannot remove its worker's.
func makeWorkerDir() (string, error) {
	sweepOnce.Do(sweepWorkerDirs)
	return os.MkdirTemp("", fmt.Sprintf("%s%d-", workerDirPrefix, os.Getpid()))
}

// sweepWorkerDirs removes the worker directories whose kernel has ended.
func sweepWorkerDirs() {
	dirs, _ := filepath.Glob(filepath.Join(os.TempDir(), workerDirPrefix+"*-*"))
	for _, d := range dirs {
		pid, err := strconv.Atoi(strings.SplitN(strings.TrimPrefix(filepath.Base(d), workerDirPrefix), "-", 2)[0])
		if err != nil || pid <= 0 || pid == os.Getpid() {
			continue
		}
		// Signal 0 tests whether the process exists; EPERM means it does
		// (another user's). A reused process id keeps the directory: safe.
		if err := syscall.Kill(pid, 0); err == syscall.ESRCH {
			os.RemoveAll(d)
		}
	}
}
