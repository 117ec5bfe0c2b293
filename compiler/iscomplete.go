package compiler

import (
	"go/scanner"
	"go/token"
	"strings"
)

// IsComplete tells a console whether code can run: "incomplete" (with the
// indent of the next line) while brackets, strings or comments are open or
// the last token needs an operand, "invalid" for a syntax error.
func IsComplete(code string) (status, indent string) {
	if strings.TrimSpace(code) == "" {
		return "complete", ""
	}
	fset := token.NewFileSet()
	file := fset.AddFile("", -1, len(code))
	var s scanner.Scanner
	open := false
	s.Init(file, []byte(code), func(_ token.Position, msg string) {
		if strings.Contains(msg, "not terminated") {
			open = true
		}
	}, 0)
	depth := 0
	last := token.ILLEGAL
	for {
		_, t, lit := s.Scan()
		if t == token.EOF {
			break
		}
		switch t {
		case token.LPAREN, token.LBRACK, token.LBRACE:
			depth++
		case token.RPAREN, token.RBRACK, token.RBRACE:
			depth--
		}
		if t != token.SEMICOLON || lit == ";" {
			last = t
		}
	}
	switch {
	case depth < 0:
		return "invalid", ""
	case open:
		return "incomplete", ""
	case depth > 0 || last.IsOperator() && last != token.RPAREN && last != token.RBRACK && last != token.RBRACE && last != token.INC && last != token.DEC && last != token.SEMICOLON:
		return "incomplete", strings.Repeat("\t", max(depth, 1))
	}
	if _, err := Parse(code); err != nil {
		return "invalid", ""
	}
	return "complete", ""
}
