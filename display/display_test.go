package display

import (
	"bytes"
	"encoding/base64"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"io"
	"os"
	"reflect"
	"strings"
	"testing"
)

func TestDisplayFunctions(t *testing.T) {
	tests := []struct {
		name  string
		show  func()
		mime  string
		data  string
		plain string
	}{
		{"HTML", func() { HTML("<p>Hello <b>world</b> &amp; co</p>") }, mimeHTML, "<p>Hello <b>world</b> &amp; co</p>", "Hello world & co"},
		{"HTMLNoText", func() { HTML(`<img src="x.png">`) }, mimeHTML, `<img src="x.png">`, "<HTML>"},
		{"Markdown", func() { Markdown("# Title\n\n*x*") }, mimeMarkdown, "# Title\n\n*x*", "# Title\n\n*x*"},
		{"SVG", func() { SVG(`<svg xmlns="http://www.w3.org/2000/svg" width="10" height="20"></svg>`) }, mimeSVG,
			`<svg xmlns="http://www.w3.org/2000/svg" width="10" height="20"></svg>`, "<SVG image 10×20>"},
		{"Text", func() { Text("just text") }, mimeText, "just text", "just text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := record(t)
			tt.show()
			m := r.one(t)
			if m.Type != "display_data" || m.DisplayID != "" {
				t.Errorf("Type %q, DisplayID %q; want display_data without id", m.Type, m.DisplayID)
			}
			if m.Metadata == nil {
				t.Errorf("nil Metadata")
			}
			if got := str(t, m, tt.mime); got != tt.data {
				t.Errorf("%s = %q, want %q", tt.mime, got, tt.data)
			}
			if got := str(t, m, mimeText); got != tt.plain {
				t.Errorf("text/plain = %q, want %q", got, tt.plain)
			}
			want := map[bool]int{true: 1, false: 2}[tt.mime == mimeText]
			if tt.mime == mimeSVG { // and an <img> of it as text/html
				want = 3
				if h := str(t, m, mimeHTML); !strings.HasPrefix(h, `<img src="data:image/svg+xml;base64,`) || !strings.HasSuffix(h, `" width="10" height="20" alt="&lt;SVG image 10×20&gt;">`) {
					t.Errorf("text/html = %q", h)
				}
			}
			if len(m.Data) != want {
				t.Errorf("bundle has %v, want %d types", keys(m.Data), want)
			}
		})
	}
}

func TestDisplayBundle(t *testing.T) {
	r := record(t)
	b := MIMEBundle{"text/html": "<i>x</i>", "application/vnd.custom+json": map[string]any{"a": 1.0}}
	Display(b)
	m := r.one(t)
	if got := str(t, m, mimeText); got != "x" {
		t.Errorf("fallback = %q", got)
	}
	if !reflect.DeepEqual(m.Data["application/vnd.custom+json"], map[string]any{"a": 1.0}) {
		t.Errorf("custom type lost: %v", m.Data)
	}
	if _, ok := b[mimeText]; ok {
		t.Errorf("Display modified its argument")
	}

	// An explicit text/plain is kept; unknown types are summarized.
	r2 := record(t)
	Display(MIMEBundle{"text/html": "<i>x</i>", "text/plain": "mine"})
	Display(MIMEBundle{"application/x-thing": "..."})
	ms := r2.all()
	if got := str(t, ms[0], mimeText); got != "mine" {
		t.Errorf("explicit text/plain replaced by %q", got)
	}
	if got := str(t, ms[1], mimeText); got != "<application/x-thing>" {
		t.Errorf("summary = %q", got)
	}
}

func TestJSON(t *testing.T) {
	r := record(t)
	type point struct {
		X, Y int
		Tags []string `json:"tags"`
	}
	JSON(point{1, 2, []string{"a"}})
	m := r.one(t)
	want := map[string]any{"X": 1.0, "Y": 2.0, "tags": []any{"a"}}
	if !reflect.DeepEqual(m.Data[mimeJSON], want) {
		t.Errorf("application/json = %#v, want %#v", m.Data[mimeJSON], want)
	}
	if got := str(t, m, mimeText); !strings.Contains(got, `"X": 1`) || !strings.Contains(got, "\n") {
		t.Errorf("text/plain = %q, want indented JSON", got)
	}

	// Unencodable values publish nothing (the error goes to stderr).
	r2 := record(t)
	JSON(func() {})
	if ms := r2.all(); len(ms) != 0 {
		t.Errorf("JSON(func) published %v", ms)
	}
}

func testImage() *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, 4, 3))
	img.Set(1, 1, color.RGBA{255, 0, 0, 255})
	return img
}

func TestImages(t *testing.T) {
	var pngBuf, jpegBuf bytes.Buffer
	if err := png.Encode(&pngBuf, testImage()); err != nil {
		t.Fatal(err)
	}
	if err := jpeg.Encode(&jpegBuf, testImage(), nil); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		show func()
		mime string
		want []byte // nil: any PNG of the test image
		fmt  string
	}{
		{"PNG", func() { PNG(pngBuf.Bytes()) }, mimePNG, pngBuf.Bytes(), "PNG"},
		{"JPEG", func() { JPEG(jpegBuf.Bytes()) }, mimeJPEG, jpegBuf.Bytes(), "JPEG"},
		{"Image", func() { Image(testImage()) }, mimePNG, nil, "PNG"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := record(t)
			tt.show()
			m := r.one(t)
			raw, err := base64.StdEncoding.DecodeString(str(t, m, tt.mime))
			if err != nil {
				t.Fatalf("%s is not base64: %v", tt.mime, err)
			}
			if tt.want != nil && !bytes.Equal(raw, tt.want) {
				t.Errorf("%s data differs", tt.mime)
			}
			img, format, err := image.Decode(bytes.NewReader(raw))
			if err != nil || img.Bounds().Dx() != 4 || img.Bounds().Dy() != 3 {
				t.Errorf("decoded %s image: %v %v", format, img, err)
			}
			if got, want := str(t, m, mimeText), "<"+tt.fmt+" image 4×3, "; !strings.HasPrefix(got, want) {
				t.Errorf("text/plain = %q, want prefix %q", got, want)
			}
		})
	}

	r := record(t)
	Image(nil)
	PNG([]byte("not a png"))
	ms := r.all()
	if len(ms) != 1 || str(t, ms[0], mimeText) != "<PNG image, 9 B>" {
		t.Errorf("Image(nil) and PNG(garbage) published %v", ms)
	}
}

func TestClear(t *testing.T) {
	r := record(t)
	Clear(true)
	Clear(false)
	ms := r.all()
	if len(ms) != 2 || ms[0].Type != "clear_output" || !ms[0].Wait || ms[1].Wait || ms[1].Type != "clear_output" {
		t.Errorf("got %+v", ms)
	}
}

func TestFallbackPrintsText(t *testing.T) {
	SetPublisher(nil)
	out := captureStdout(t, func() {
		HTML("<h1>Report</h1><p>all &lt;good&gt;</p>")
		Clear(false)
		Markdown("**bold**")
	})
	if want := "Report\nall <good>\n**bold**\n"; out != want {
		t.Errorf("stdout = %q, want %q", out, want)
	}
}

// captureStdout returns what f prints to os.Stdout.
func captureStdout(t *testing.T, f func()) string {
	t.Helper()
	rd, wr, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	old := os.Stdout
	os.Stdout = wr
	done := make(chan string)
	go func() {
		b, _ := io.ReadAll(rd)
		done <- string(b)
	}()
	defer func() { os.Stdout = old }()
	f()
	wr.Close()
	return <-done
}

func TestHTMLText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"<b>a</b>  <i>b</i>", "a b"},
		{"<ul><li>one</li><li>two</li></ul>", "one\ntwo"},
		{"<table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>2</td></tr></table>", "a b\n1 2"},
		{"<style>p{color:red}</style><script>alert('x<y')</script>hi", "hi"},
		{"<!-- note -->x &lt; y", "x < y"},
		{"a<br/>b", "a\nb"},
		{"1 < 2", "1 < 2"},
		{"", "<HTML>"},
	}
	for _, tt := range tests {
		if got := htmlText(tt.in); got != tt.want {
			t.Errorf("htmlText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := htmlText(strings.Repeat("x ", 5000)); len([]rune(got)) != maxPlain {
		t.Errorf("long text not truncated to %d runes: %d", maxPlain, len([]rune(got)))
	}
}
