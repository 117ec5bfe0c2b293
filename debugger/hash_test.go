package debugger

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The reference values are those of MurmurHash2 (32-bit) as ipykernel's
// murmur2_x86 computes them (ipykernel.compiler), which JupyterLab's
// debugger matches.
func TestMurmur2(t *testing.T) {
	for _, c := range []struct {
		in   string
		seed uint32
		want uint32
	}{
		{"a", 0x9747b28c, 0xa2d0b27c},
		{"abc", 0x9747b28c, 0x1c94221b},
		{"Hello, world!", 0x9747b28c, 0xbeba9b12},
		{"The quick brown fox jumps over the lazy dog", 0x9747b28c, 0x1d84d036},
		{"x := 1\nfmt.Println(x)", HashSeed, 0x5609bd8f},
	} {
		if got := murmur2([]byte(c.in), c.seed); got != c.want {
			t.Errorf("murmur2(%q, %#x) = %#x, want %#x", c.in, c.seed, got, c.want)
		}
	}
}

// JupyterLab 4.6 shows "Cell [n]" for a frame or a breakpoint only when
// the source path contains "ipykernel_"; the path is prefix, hash, suffix.
func TestSourcePathNamesACell(t *testing.T) {
	p := SourcePath("x := 1\nfmt.Println(x)")
	if !strings.Contains(p, "ipykernel_") {
		t.Errorf("SourcePath = %q: JupyterLab shows it as a path, not as its cell", p)
	}
	if want := TmpFilePrefix + "1443478927.go"; p != want {
		t.Errorf("SourcePath = %q, want %q", p, want)
	}
	if !strings.HasPrefix(p, os.TempDir()) || !strings.HasSuffix(TmpFilePrefix, string(filepath.Separator)) {
		t.Errorf("TmpFilePrefix = %q: a directory under %s", TmpFilePrefix, os.TempDir())
	}
}
