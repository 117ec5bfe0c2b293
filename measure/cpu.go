package measure

import (
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// CPUTime is the CPU time this process has used so far, user and system,
// all threads together.
func CPUTime() time.Duration { return rusage(syscall.RUSAGE_SELF) }

// ChildrenCPUTime is the CPU time used so far by the child processes of
// this process that have ended and been waited for (gokernel/proc workers
// after their pool is closed, commands run with os/exec).
func ChildrenCPUTime() time.Duration { return rusage(syscall.RUSAGE_CHILDREN) }

// rusage returns user + system time of who (RUSAGE_SELF or
// RUSAGE_CHILDREN), or 0 if the system does not say.
func rusage(who int) time.Duration {
	var u syscall.Rusage
	if err := syscall.Getrusage(who, &u); err != nil {
		return 0
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}

// Threads is the number of OS threads of this process (from
// /proc/self/status), or 0 where the system does not say.
func Threads() int {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "Threads:"); ok {
			n, _ := strconv.Atoi(strings.TrimSpace(v))
			return n
		}
	}
	return 0
}
