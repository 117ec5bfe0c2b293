package debugger

import (
	"fmt"
	"gokernel/pipe"
	"os"
	"path/filepath"
	"strconv"
)

// HashSeed is the seed of the Murmur2 hash that names a cell's source
// file, the value ipykernel uses (JupyterLab takes it from debugInfo).
const HashSeed = 3339675911

// murmur2 is MurmurHash2 (32-bit), the hash JupyterLab's debugger computes
// over a cell's UTF-8 source to find the file the kernel names it by.
func murmur2(data []byte, seed uint32) uint32 {
	const m = 0x5bd1e995
	h := seed ^ uint32(len(data))
	for len(data) >= 4 {
		k := uint32(data[0]) | uint32(data[1])<<8 | uint32(data[2])<<16 | uint32(data[3])<<24
		k *= m
		k ^= k >> 24
		k *= m
		h *= m
		h ^= k
		data = data[4:]
	}
	switch len(data) {
	case 3:
		h ^= uint32(data[2]) << 16
		fallthrough
	case 2:
		h ^= uint32(data[1]) << 8
		fallthrough
	case 1:
		h ^= uint32(data[0])
		h *= m
	}
	h ^= h >> 13
	h *= m
	h ^= h >> 15
	return h
}

// TmpFilePrefix is the directory (with its trailing separator) where
// dumpCell writes the cells' sources; TmpFileSuffix ends their names. Its
// name has "ipykernel_" in it: JupyterLab 4.6 names a source file by its
// cell ("Cell [3]") in the call stack and the breakpoints only when the
// path contains "ipykernel_" (the display provider of its notebook
// plugin); other paths are shown as they are.
var TmpFilePrefix = filepath.Join(pipe.TempDir(), fmt.Sprintf("ipykernel_gokernel_%d", os.Getpid())) + string(filepath.Separator)

// TmpFileSuffix ends the names of the cells' source files.
const TmpFileSuffix = ".go"

// SourcePath is the path JupyterLab computes for a cell with this source:
// prefix, the decimal Murmur2 hash, suffix.
func SourcePath(code string) string {
	return TmpFilePrefix + strconv.FormatUint(uint64(murmur2([]byte(code), HashSeed)), 10) + TmpFileSuffix
}
