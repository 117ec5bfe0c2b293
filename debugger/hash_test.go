package debugger

import "testing"

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
