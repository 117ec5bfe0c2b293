package display

import (
	"encoding/base64"
	"regexp"
	"strings"
	"testing"
)

func TestWithSVGImage(t *testing.T) {
	svg := `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="30"><rect width="5" height="5"/></svg>`
	in := map[string]any{mimeSVG: svg, mimeText: "chart \"x\" <1>\nsecond line"}
	out := WithSVGImage(in)
	if _, ok := in[mimeHTML]; ok {
		t.Fatal("the input was modified")
	}
	h, _ := out[mimeHTML].(string)
	m := regexp.MustCompile(`^<img src="data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)" width="120" height="30" alt="chart &#34;x&#34; &lt;1&gt;">$`).FindStringSubmatch(h)
	if m == nil {
		t.Fatalf("text/html %q", h)
	}
	if dec, err := base64.StdEncoding.DecodeString(m[1]); err != nil || string(dec) != svg {
		t.Errorf("the <img> holds %q, %v", dec, err)
	}
	// HTML of the bundle's own is kept; bundles without SVG are unchanged.
	if got := WithSVGImage(map[string]any{mimeSVG: svg, mimeHTML: "<b>mine</b>"}); got[mimeHTML] != "<b>mine</b>" {
		t.Errorf("own HTML replaced: %v", got)
	}
	if got := WithSVGImage(map[string]any{mimeText: "x"}); len(got) != 1 {
		t.Errorf("no SVG: %v", got)
	}
	// Sizes that are not pixels are left to the SVG.
	h = WithSVGImage(map[string]any{mimeSVG: `<svg width="100%" height="2em"></svg>`})[mimeHTML].(string)
	if strings.Contains(h, "width=") || !strings.Contains(h, `alt="&lt;SVG image 100%×2em&gt;"`) {
		t.Errorf("relative size: %q", h)
	}
}
