package display

import (
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// recorder is a fake publisher that records messages.
type recorder struct {
	mu   sync.Mutex
	msgs []Message
}

// record installs a recorder as the publisher for the duration of the test.
func record(t *testing.T) *recorder {
	t.Helper()
	r := &recorder{}
	SetPublisher(func(m Message) {
		r.mu.Lock()
		r.msgs = append(r.msgs, m)
		r.mu.Unlock()
	})
	t.Cleanup(func() { SetPublisher(nil) })
	return r
}

// all returns a copy of the messages recorded so far.
func (r *recorder) all() []Message {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]Message(nil), r.msgs...)
}

// one returns the only message recorded, failing the test otherwise.
func (r *recorder) one(t *testing.T) Message {
	t.Helper()
	ms := r.all()
	if len(ms) != 1 {
		t.Fatalf("got %d messages, want 1: %+v", len(ms), ms)
	}
	return ms[0]
}

// str returns m.Data[mime] as a string, failing the test if it is not one.
func str(t *testing.T, m Message, mime string) string {
	t.Helper()
	s, ok := m.Data[mime].(string)
	if !ok {
		t.Fatalf("%s: %T %v, want a string (bundle %v)", mime, m.Data[mime], m.Data[mime], keys(m.Data))
	}
	return s
}

func keys(m map[string]any) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}

// element is a parsed XML element, for assertions on SVG output.
type element struct {
	name  string
	attrs map[string]string
	text  string // character data directly inside
	kids  []*element
}

// tooltip returns the text of e's <title> child.
func (e *element) tooltip() string {
	for _, k := range e.kids {
		if k.name == "title" {
			return k.text
		}
	}
	return ""
}

// parseXML decodes a whole document strictly and returns its elements in
// document order.
func parseXML(t *testing.T, doc string) []*element {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(doc))
	d.Strict = true
	var out, stack []*element
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("invalid XML: %v\n%s", err, doc)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			e := &element{name: tok.Name.Local, attrs: map[string]string{}}
			for _, a := range tok.Attr {
				e.attrs[a.Name.Local] = a.Value
			}
			out = append(out, e)
			if len(stack) > 0 {
				p := stack[len(stack)-1]
				p.kids = append(p.kids, e)
			}
			stack = append(stack, e)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 {
				stack[len(stack)-1].text += string(tok)
			}
		}
	}
	if len(stack) != 0 {
		t.Fatalf("unclosed elements in\n%s", doc)
	}
	return out
}

// withClass returns the elements whose class attribute is class.
func withClass(es []*element, class string) []*element {
	var out []*element
	for _, e := range es {
		if e.attrs["class"] == class {
			out = append(out, e)
		}
	}
	return out
}

// checkSVGRoot checks the root element: svg with width, height and viewBox.
func checkSVGRoot(t *testing.T, es []*element) {
	t.Helper()
	if len(es) == 0 || es[0].name != "svg" {
		t.Fatalf("root is not <svg>")
	}
	root := es[0]
	for _, a := range []string{"width", "height", "viewBox"} {
		if root.attrs[a] == "" {
			t.Errorf("<svg> has no %s", a)
		}
	}
	if ns := root.attrs["xmlns"]; ns != "http://www.w3.org/2000/svg" {
		t.Errorf("xmlns = %q", ns)
	}
	if want := "0 0 " + root.attrs["width"] + " " + root.attrs["height"]; root.attrs["viewBox"] != want {
		t.Errorf("viewBox = %q, want %q", root.attrs["viewBox"], want)
	}
	for _, e := range es {
		if e.name == "script" || e.name == "style" || e.name == "foreignObject" {
			t.Errorf("SVG contains <%s>", e.name)
		}
	}
}

// saveArtifact writes an output for visual checks: to the test's temp dir,
// and also to $DISPLAY_TEST_OUT when set.
func saveArtifact(t *testing.T, name, content string) {
	t.Helper()
	dirs := []string{t.TempDir()}
	if d := os.Getenv("DISPLAY_TEST_OUT"); d != "" {
		dirs = append(dirs, d)
	}
	for _, dir := range dirs {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s", p)
	}
}
