// A writer of the cells with a WriteString method, given to io.WriteString
// and io.Copy through an io.Writer: yaegi's wrapper of an io.Writer has
// only Write, so io.WriteString called Write where Go calls WriteString
// (held-out o24: its call counts were wrong). The session's wrapper keeps
// WriteString.
package main

import (
	"fmt"
	"io"
	"strings"
)

type Sink struct {
	parts               []string
	strCalls, byteCalls int
}

func (s *Sink) Write(p []byte) (int, error) {
	s.byteCalls++
	s.parts = append(s.parts, string(p))
	return len(p), nil
}

func (s *Sink) WriteString(str string) (int, error) {
	s.strCalls++
	s.parts = append(s.parts, strings.ToUpper(str))
	return len(str), nil
}

func main() {
	s := &Sink{}
	io.WriteString(s, "alpha")
	fmt.Fprintf(s, "-%d-", 3)
	var w io.Writer = s
	io.WriteString(w, "omega")
	_, isSW := w.(io.StringWriter)
	fmt.Printf("%q str=%d bytes=%d %v\n", s.parts, s.strCalls, s.byteCalls, isSW)
}
