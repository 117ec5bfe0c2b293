package workerproc

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
)

// memoryPoll is how often the worker's memory is checked.
const memoryPoll = 100 * time.Millisecond

// ParseMemoryLimit parses a size such as "2GiB", "512MiB", "1.5G" or a
// number of bytes; "0" or "off" means no limit.
func ParseMemoryLimit(s string) (int64, error) {
	s = strings.TrimSpace(s)
	if s == "" || s == "0" || strings.EqualFold(s, "off") {
		return 0, nil
	}
	units := []struct {
		suffix string
		mult   float64
	}{{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30}, {"TiB", 1 << 40},
		{"KB", 1e3}, {"MB", 1e6}, {"GB", 1e9}, {"TB", 1e12}, {"K", 1 << 10}, {"M", 1 << 20}, {"G", 1 << 30}, {"T", 1 << 40}, {"B", 1}}
	mult := 1.0
	for _, u := range units {
		if strings.HasSuffix(s, u.suffix) {
			mult, s = u.mult, strings.TrimSpace(strings.TrimSuffix(s, u.suffix))
			break
		}
	}
	n, err := strconv.ParseFloat(s, 64)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("memory limit %q: want a size like 2GiB or 512MiB", s)
	}
	return int64(n * mult), nil
}

// DefaultMemoryLimit is half of the machine's memory (0 if unknown).
func DefaultMemoryLimit() int64 {
	kb := procStatusKB("/proc/meminfo", "MemTotal:")
	return kb * 1024 / 2
}

// rssBytes returns the resident memory of process pid.
func rssBytes(pid int) int64 {
	return procStatusKB(fmt.Sprintf("/proc/%d/status", pid), "VmRSS:") * 1024
}

// procStatusKB reads a "Key: N kB" line from a /proc file.
func procStatusKB(path, key string) int64 {
	f, err := os.Open(path)
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), key); ok {
			fields := strings.Fields(rest)
			if len(fields) > 0 {
				n, _ := strconv.ParseInt(fields[0], 10, 64)
				return n
			}
		}
	}
	return 0
}

// formatBytes formats a size in binary units.
func formatBytes(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.0f MiB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d KiB", n>>10)
}

// watchMemory kills worker p when its resident memory exceeds limit: a
// cell that runs out of memory costs the worker, never the kernel or the
// machine.
func (p *process) watchMemory(limit int64) {
	if limit <= 0 {
		return
	}
	t := time.NewTicker(memoryPoll)
	defer t.Stop()
	for {
		select {
		case <-p.exited:
			return
		case <-t.C:
			if rss := rssBytes(p.cmd.Process.Pid); rss > limit {
				p.kill(fmt.Sprintf("the cell used %s of memory, more than the worker's limit of %s (set GOKERNEL_MEMORY_LIMIT, e.g. 8GiB, to change it)",
					formatBytes(rss), formatBytes(limit)))
				return
			}
		}
	}
}
