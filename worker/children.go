package worker

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"

	"gokernel/native"
)

// descendants returns the process IDs of every living descendant of the
// process pid, read from /proc (children before grandchildren), except
// the processes skip and their descendants.
func descendants(pid int, skip map[int]bool) []int {
	parent := map[int][]int{}
	stats, _ := filepath.Glob("/proc/[0-9]*/stat")
	for _, path := range stats {
		b, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		// pid (comm) state ppid ...: comm may hold spaces, so split after ')'.
		s := string(b)
		i := strings.LastIndexByte(s, ')')
		if i < 0 {
			continue
		}
		f := strings.Fields(s[i+1:])
		if len(f) < 2 || f[0] == "Z" {
			continue
		}
		ppid, _ := strconv.Atoi(f[1])
		child, _ := strconv.Atoi(filepath.Base(filepath.Dir(path)))
		parent[ppid] = append(parent[ppid], child)
	}
	var out []int
	for queue := []int{pid}; len(queue) > 0; queue = queue[1:] {
		for _, c := range parent[queue[0]] {
			if skip[c] {
				continue
			}
			out = append(out, c)
			queue = append(queue, c)
		}
	}
	return out
}

// killDescendants kills every process the worker's cells started (os/exec
// children and their children): an interrupt stops them with the cell.
// The native tier's builds (go build of plugins) are the worker's own.
func killDescendants() int {
	skip := map[int]bool{}
	for _, pid := range native.Building() {
		skip[pid] = true
	}
	ds := descendants(os.Getpid(), skip)
	for _, pid := range ds {
		_ = syscall.Kill(pid, syscall.SIGKILL)
	}
	return len(ds)
}
