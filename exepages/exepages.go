// Package exepages drops the pages of the process's own program file (code
// and constant data) from its address space. The worker links the whole
// standard library for cells to import and the interpreter, and the Go
// runtime runs every package's initializer at start: those pages are
// touched once and would stay resident. Pages that are used again come
// back from the page cache on first touch (a minor fault), so only what
// runs stays resident.
package exepages

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
	"syscall"
)

// Release drops the read-only pages of the process's program file from its
// address space. Writable mappings (data, bss, heap) are left alone, and so
// are read-only mappings that were written before being made read-only (the
// dynamic loader's relocations, RELRO, in a program linked with cgo: their
// pages are anonymous copies, and dropping them would bring back the
// file's unrelocated bytes, a crash at the next call through them).
//
// Before dropping them, it splits the page cache's large folios of those
// mappings (see splitFolios): otherwise the next touch of any byte maps the
// whole folio again, up to 2 MB, and a few calls bring most of the program
// back.
func Release() {
	for _, m := range programMappings() {
		splitFolios(m)
		madvise(m.start, m.end-m.start, syscall.MADV_DONTNEED)
	}
}

// WriteBack writes the program file's pages that are not on disk yet (a
// program just built or installed: the kernel writes them within 30 s),
// and waits for it; Release cannot split the folios of those pages. It
// does nothing on a program file that is on disk, the usual case.
func WriteBack() {
	f, err := os.Open("/proc/self/exe")
	if err != nil {
		return
	}
	defer f.Close()
	const flags = 1 | 2 | 4 // SYNC_FILE_RANGE_WAIT_BEFORE | WRITE | WAIT_AFTER
	_, _, _ = syscall.Syscall6(syscall.SYS_SYNC_FILE_RANGE, f.Fd(), 0, 0, flags, 0, 0)
}

// mapping is a range of the address space that maps the program file from
// offset off.
type mapping struct{ start, end, off uint64 }

// programMappings returns the read-only mappings of the process's program
// file none of whose pages were copied on write (smaps Anonymous: 0).
func programMappings() []mapping {
	// smaps names the file by device (major:minor, hex), inode and path:
	// the path may differ (a deleted or replaced program), and so may the
	// device and inode (overlayfs, in containers).
	exe, _ := os.Executable()
	var dev, ino string
	var st syscall.Stat_t
	if err := syscall.Stat("/proc/self/exe", &st); err == nil {
		dev = fmt.Sprintf("%02x:%02x", (st.Dev>>8)&0xfff|(st.Dev>>32)&^0xfff, st.Dev&0xff|(st.Dev>>12)&^0xff)
		ino = strconv.FormatUint(st.Ino, 10)
	}
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		return nil
	}
	defer f.Close()
	var out []mapping
	var cur *mapping // the mapping whose fields follow, if it is a candidate
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) >= 2 && fields[0] == "Anonymous:" { // pages copied on write
			if cur != nil && fields[1] == "0" {
				out = append(out, *cur)
			}
			cur = nil
			continue
		}
		if len(fields) < 5 || !strings.Contains(fields[0], "-") || strings.HasSuffix(fields[0], ":") {
			continue
		}
		cur = nil // a new mapping's header
		same := fields[3] == dev && fields[4] == ino || len(fields) == 6 && exe != "" && fields[5] == exe
		if !same || strings.Contains(fields[1], "w") {
			continue
		}
		lo, hi, _ := strings.Cut(fields[0], "-")
		start, err1 := strconv.ParseUint(lo, 16, 64)
		end, err2 := strconv.ParseUint(hi, 16, 64)
		off, err3 := strconv.ParseUint(fields[2], 16, 64)
		if err1 != nil || err2 != nil || err3 != nil || end <= start {
			continue
		}
		cur = &mapping{start, end, off}
	}
	return out
}

// folioStep is the smallest size of the folios splitFolios splits: a
// fault maps the 64 KB around it anyway (fault-around), so smaller folios
// cost nothing more.
const folioStep = 128 << 10

// madvCold is MADV_COLD (Linux 5.4), missing from package syscall.
const madvCold = 20

// splitFolios splits the large folios (up to 2 MB) in which the page cache
// may hold the program file, where m maps them: Linux 6.18 maps every page
// of a folio a fault meets, so after MADV_DONTNEED one call into a package
// could map 2 MB again. MADV_COLD over one page of a large folio splits
// the folio into pages when only this process maps it and it is clean
// (see WriteBack); it also marks that page as a first candidate for
// reclaim, which the kernel forgets at the page's next use. Folios are
// aligned to their size in the file, so one page every folioStep of file
// offset meets each folio of folioStep or more. On kernels that map only
// the pages around a fault, this changes nothing that matters.
func splitFolios(m mapping) {
	const page = 4096
	a := m.start + (folioStep-m.off%folioStep)%folioStep
	for ; a+page <= m.end; a += folioStep {
		madvise(a, page, madvCold)
	}
}

// madvise calls madvise(2); errors are ignored (the advice is an
// optimisation).
func madvise(addr, n uint64, advice int) {
	_, _, _ = syscall.Syscall(syscall.SYS_MADVISE, uintptr(addr), uintptr(n), uintptr(advice))
}
