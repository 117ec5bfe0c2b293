package complete

import (
	"go/scanner"
	"go/token"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Completion and inspection read the cell text around the cursor with
// these helpers; offsets are bytes unless a name says runes.

// byteOffset returns the byte offset of rune offset r in s, clamped to s.
func byteOffset(s string, r int) int {
	i := 0
	for off := range s {
		if i >= r {
			return off
		}
		i++
	}
	return len(s)
}

// runeOffset returns the rune offset of byte offset b in s.
func runeOffset(s string, b int) int { return utf8.RuneCountInString(s[:b]) }

// isIdentRune reports whether r may be part of a Go identifier.
func isIdentRune(r rune) bool { return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) }

// wordBounds returns the identifier characters around cur as [start, end).
func wordBounds(s string, cur int) (start, end int) {
	start, end = cur, cur
	for start > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:start])
		if !isIdentRune(r) {
			break
		}
		start -= n
	}
	for end < len(s) {
		r, n := utf8.DecodeRuneInString(s[end:])
		if !isIdentRune(r) {
			break
		}
		end += n
	}
	return start, end
}

// startsWithDigit reports whether the word w is a number, not a name.
func startsWithDigit(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsDigit(r)
}

// chainEndingAt returns the operand that ends at end: a chain of names,
// dots and bracketed groups such as a.b(c)[d].e or T{}; "" if none.
func chainEndingAt(s string, end int) string {
	i := end
	for {
		j := i
		for j > 0 && strings.IndexByte(")]}", s[j-1]) >= 0 {
			if j = openingBracket(s, j-1); j < 0 {
				return ""
			}
		}
		k, _ := wordBounds(s[:j], j)
		if k == 0 || s[k-1] != '.' || k == i {
			i = k
			break
		}
		i = k - 1 // a selector or a type assertion: go on before the dot
	}
	return s[i:end]
}

// openingBracket returns the offset of the bracket that the one at i
// closes, or -1; string literals are skipped roughly.
func openingBracket(s string, i int) int {
	depth := 0
	for ; i >= 0; i-- {
		switch c := s[i]; c {
		case ')', ']', '}':
			depth++
		case '(', '[', '{':
			if depth--; depth == 0 {
				return i
			}
		case '"', '`', '\'':
			if i = strings.LastIndexByte(s[:i], c); i < 0 {
				return -1
			}
		}
	}
	return -1
}

// unclosedBracket returns the offset of the innermost bracket opened
// before cur and not closed there, or -1.
func unclosedBracket(s string, cur int) int {
	depth := 0
	for i := cur - 1; i >= 0; i-- {
		switch c := s[i]; c {
		case ')', ']', '}':
			depth++
		case '(', '[', '{':
			if depth == 0 {
				return i
			}
			depth--
		case '"', '`', '\'':
			if i = strings.LastIndexByte(s[:i], c); i < 0 {
				return -1
			}
		}
	}
	return -1
}

// literal is where a cursor stands with respect to comments and strings.
type literal struct {
	comment bool
	str     bool // in a string or rune literal
	imp     bool // the string is an import path
	// start and end delimit the string's contents (without quotes).
	start, end int
}

// literalAt tells whether cur is in a comment or a string literal.
func literalAt(code string, cur int) literal {
	file := token.NewFileSet().AddFile("", -1, len(code))
	var sc scanner.Scanner
	sc.Init(file, []byte(code), func(token.Position, string) {}, scanner.ScanComments)
	var prev []token.Token
	for {
		pos, tok, lit := sc.Scan()
		off := file.Offset(pos)
		if tok == token.EOF || off >= cur {
			return literal{}
		}
		end := off + len(lit)
		closed := len(lit) >= 2 && lit[len(lit)-1] == lit[0] && (tok == token.STRING || tok == token.CHAR) ||
			len(lit) >= 4 && strings.HasPrefix(lit, "/*") && strings.HasSuffix(lit, "*/")
		inside := cur < end || cur == end && !closed
		switch {
		case tok == token.COMMENT && inside:
			return literal{comment: true}
		case (tok == token.STRING || tok == token.CHAR) && inside:
			if closed {
				end--
			}
			return literal{str: true, imp: tok == token.STRING && isImportPath(prev), start: off + 1, end: end}
		case tok != token.COMMENT:
			prev = append(prev, tok)
		}
	}
}

// isImportPath reports whether a string following the tokens toks is an
// import path: import "p", import name "p", or in an import ( ... ) list.
func isImportPath(toks []token.Token) bool {
	i := len(toks) - 1
	if i >= 0 && (toks[i] == token.IDENT || toks[i] == token.PERIOD) {
		i--
	}
	if i >= 0 && toks[i] == token.IMPORT {
		return true
	}
	for ; i >= 0; i-- {
		switch toks[i] {
		case token.STRING, token.IDENT, token.PERIOD, token.SEMICOLON:
		case token.LPAREN:
			return i > 0 && toks[i-1] == token.IMPORT
		default:
			return false
		}
	}
	return false
}

// magicAt returns the offset of the % starting the magic name (%name or,
// on the first line, %%name) that the line is up to cur, if it is one.
func magicAt(code string, cur int) (start int, ok bool) {
	ls := strings.LastIndexByte(code[:cur], '\n') + 1
	t := strings.TrimLeft(code[ls:cur], " \t")
	name := strings.TrimLeft(t, "%")
	if n := len(t) - len(name); n == 0 || n > 2 || n == 2 && ls > 0 {
		return 0, false
	}
	for _, r := range name {
		if !isIdentRune(r) {
			return 0, false
		}
	}
	return cur - len(t), true
}

// blankMagics blanks the magic and shell lines of a cell, keeping offsets,
// so that the rest parses as Go.
func blankMagics(code string) string {
	lines := strings.SplitAfter(code, "\n")
	for i, l := range lines {
		body := strings.TrimSuffix(l, "\n")
		if t := strings.TrimSpace(body); strings.HasPrefix(t, "%") || strings.HasPrefix(t, "!") {
			lines[i] = strings.Repeat(" ", len(body)) + l[len(body):]
		}
	}
	return strings.Join(lines, "")
}

// docAbove returns the // comment lines right above the declaration that
// starts the line at off, without the slashes.
func docAbove(code string, off int) string {
	ls := strings.LastIndexByte(code[:off], '\n')
	if strings.TrimSpace(code[ls+1:off]) != "" {
		return ""
	}
	var lines []string
	for ls > 0 {
		ps := strings.LastIndexByte(code[:ls], '\n') + 1
		t := strings.TrimSpace(code[ps:ls])
		if !strings.HasPrefix(t, "//") {
			break
		}
		lines = append([]string{strings.TrimPrefix(strings.TrimPrefix(t, "//"), " ")}, lines...)
		ls = ps - 1
	}
	return strings.Join(lines, "\n")
}
