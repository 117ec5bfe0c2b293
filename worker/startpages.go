package worker

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"syscall"
)

// releaseStartupPages drops the read-only pages of the worker's own program
// file (code and constant data) from its address space. The program links
// the whole standard library for cells to import, and the Go runtime runs
// every package's initializer at start: those pages are touched once and
// would stay resident. Pages that are used again come back from the page
// cache on first touch (a minor fault), so only what cells really use stays
// resident. Writable mappings (data, bss, heap) are left alone, and so are
// read-only mappings that were written before being made read-only (the
// dynamic loader's relocations, RELRO, in a worker linked with cgo: their
// pages are anonymous copies, and dropping them would bring back the
// file's unrelocated bytes, a crash at the next call through them).
func releaseStartupPages() {
	exe, err := os.Executable()
	if err != nil {
		return
	}
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		return
	}
	defer f.Close()
	type mapping struct{ start, end uint64 }
	var drop []mapping
	var cur *mapping // the mapping whose fields follow, if it is a candidate
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		fields := strings.Fields(line)
		if len(fields) >= 2 && fields[0] == "Anonymous:" { // pages copied on write

			if cur != nil && fields[1] == "0" {
				drop = append(drop, *cur)
			}
			cur = nil
			continue
		}
		if len(fields) < 5 || !strings.Contains(fields[0], "-") || strings.HasSuffix(fields[0], ":") {
			continue
		}
		cur = nil // a new mapping's header
		if len(fields) < 6 || fields[5] != exe || strings.Contains(fields[1], "w") {
			continue
		}
		lo, hi, ok := strings.Cut(fields[0], "-")
		if !ok {
			continue
		}
		start, err1 := strconv.ParseUint(lo, 16, 64)
		end, err2 := strconv.ParseUint(hi, 16, 64)
		if err1 != nil || err2 != nil || end <= start {
			continue
		}
		cur = &mapping{start, end}
	}
	for _, m := range drop {
		_, _, _ = syscall.Syscall(syscall.SYS_MADVISE, uintptr(m.start), uintptr(m.end-m.start), syscall.MADV_DONTNEED)
	}
}
