package kernel

import (
	"regexp"
	"testing"
)

// TestPagerRequest checks pagerRequest against the regular expression it
// replaced.
func TestPagerRequest(t *testing.T) {
	re := regexp.MustCompile(`^\s*([\pL_][\pL\pN_]*(?:\.[\pL_][\pL\pN_]*)*)\s*(\?\??)\s*$`)
	for _, code := range []string{
		"x?", "x??", "x???", " fmt.Println ? \n", "fmt.Println??", "a.b.c?", "a..b?", ".a?", "a.?",
		"?", "??", "", "x", "x ? ?", "x ??", "_x1?", "1x?", "x1.2y?", "é.ñ9?", "x٣?", "x\v?", "\tx\f?\r",
		"x?y", "fmt.Println(1)?", "a b?", "x?\n", "x\n?",
	} {
		name, detail, ok := pagerRequest(code)
		m := re.FindStringSubmatch(code)
		if ok != (m != nil) || ok && (name != m[1] || detail != len(m[2])-1) {
			t.Errorf("pagerRequest(%q) = %q, %d, %v; the expression: %q", code, name, detail, ok, m)
		}
	}
}
