package generic

import (
	"strconv"
	"strings"
)

// Specialized returns the source of a function literal that does what the
// generic function key of package slices or maps ("slices.SortFunc") does
// for the type arguments targs, written as the cell can name them, or ""
// when there is none. The cell compiler uses it where z_instances.go
// has no compiled instantiation: for slices of the cells' own types, which
// no compiled code can be instantiated for. Sorting goes through the
// compiled sort.Slice and sort.SliceStable (Symbols: SortSlice,
// SortSliceStable), which run the same pdqsort and stable merge as
// slices.SortFunc and slices.SortStableFunc, so that equal elements end in
// the same order as in Go; the others are the loops of package slices.
func Specialized(key string, targs []string) string {
	src, ok := specialized[key]
	if !ok || strings.Contains(src, "$"+strconv.Itoa(len(targs))) {
		return ""
	}
	src = localNames(src)
	pairs := []string{"$gen", Name}
	for i, t := range targs {
		if t == "" {
			return ""
		}
		pairs = append(pairs, "$"+strconv.Itoa(i), t)
	}
	return strings.NewReplacer(pairs...).Replace(src)
}

// templateWords are the words of the templates that are not their own
// names: keywords, predeclared names, and this package's functions.
var templateWords = map[string]bool{
	"func": true, "return": true, "for": true, "range": true, "if": true, "else": true, "var": true, "break": true,
	"len": true, "cap": true, "make": true, "append": true, "copy": true, "panic": true, "delete": true, "nil": true,
	"true": true, "false": true, "int": true, "uint": true, "bool": true, "map": true, "gen": true, "_": true,
}

// localNames renames the parameters and variables of a template with the
// prefix of generated names: a name of the template that is also one of
// the cells' globals was misbound by yaegi (in a cell i, found :=
// slices.BinarySearch(...), the template's own i was the global i).
func localNames(src string) string {
	var b strings.Builder
	for i := 0; i < len(src); {
		c := src[i]
		if c == '"' { // a string literal, as it is
			j := i + 1 + strings.IndexByte(src[i+1:], '"')
			b.WriteString(src[i : j+1])
			i = j + 1
			continue
		}
		if !(c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			b.WriteByte(c)
			i++
			continue
		}
		j := i
		for j < len(src) && (src[j] == '_' || src[j] >= 'a' && src[j] <= 'z' || src[j] >= 'A' && src[j] <= 'Z' || src[j] >= '0' && src[j] <= '9') {
			j++
		}
		word := src[i:j]
		if i > 0 && (src[i-1] == '.' || src[i-1] == '$') || templateWords[word] || strings.HasPrefix(word, "Sort") {
			b.WriteString(word)
		} else {
			b.WriteString("__gkt_" + word)
		}
		i = j
	}
	return b.String()
}

// specialized are the sources Specialized writes, with $0, $1... for the
// type arguments (for most, the slice and the element type) and $gen for
// this package's name in the cells.
var specialized = map[string]string{
	"slices.SortFunc":         `func(x $0, cmp func(a, b $1) int) { $gen.SortSlice(x, func(i, j int) bool { return cmp(x[i], x[j]) < 0 }) }`,
	"slices.SortStableFunc":   `func(x $0, cmp func(a, b $1) int) { $gen.SortSliceStable(x, func(i, j int) bool { return cmp(x[i], x[j]) < 0 }) }`,
	"slices.Sort":             `func(x $0) { $gen.SortSlice(x, func(i, j int) bool { return x[i] < x[j] || x[i] != x[i] && x[j] == x[j] }) }`,
	"slices.IndexFunc":        `func(s $0, f func($1) bool) int { for i := range s { if f(s[i]) { return i } }; return -1 }`,
	"slices.ContainsFunc":     `func(s $0, f func($1) bool) bool { for i := range s { if f(s[i]) { return true } }; return false }`,
	"slices.Index":            `func(s $0, v $1) int { for i := range s { if v == s[i] { return i } }; return -1 }`,
	"slices.Contains":         `func(s $0, v $1) bool { for i := range s { if v == s[i] { return true } }; return false }`,
	"slices.Reverse":          `func(s $0) { for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 { t := s[i]; s[i] = s[j]; s[j] = t } }`,
	"slices.DeleteFunc":       `func(s $0, del func($1) bool) $0 { i := -1; for k := range s { if del(s[k]) { i = k; break } }; if i == -1 { return s }; for j := i + 1; j < len(s); j++ { if v := s[j]; !del(v) { s[i] = v; i++ } }; var z $1; for k := i; k < len(s); k++ { s[k] = z }; return s[:i] }`,
	"slices.MinFunc":          `func(x $0, cmp func(a, b $1) int) $1 { if len(x) < 1 { panic("slices.MinFunc: empty list") }; m := x[0]; for i := 1; i < len(x); i++ { if cmp(x[i], m) < 0 { m = x[i] } }; return m }`,
	"slices.MaxFunc":          `func(x $0, cmp func(a, b $1) int) $1 { if len(x) < 1 { panic("slices.MaxFunc: empty list") }; m := x[0]; for i := 1; i < len(x); i++ { if cmp(x[i], m) > 0 { m = x[i] } }; return m }`,
	"slices.IsSortedFunc":     `func(x $0, cmp func(a, b $1) int) bool { for i := len(x) - 1; i > 0; i-- { if cmp(x[i], x[i-1]) < 0 { return false } }; return true }`,
	"slices.Equal":            `func(s1, s2 $0) bool { if len(s1) != len(s2) { return false }; for i := range s1 { if s1[i] != s2[i] { return false } }; return true }`,
	"slices.BinarySearchFunc": `func(x $0, target $2, cmp func($1, $2) int) (int, bool) { n := len(x); i, j := 0, n; for i < j { h := int(uint(i+j) >> 1); if cmp(x[h], target) < 0 { i = h + 1 } else { j = h } }; return i, i < n && cmp(x[i], target) == 0 }`,
	"slices.EqualFunc":        `func(s1 $0, s2 $1, eq func($2, $3) bool) bool { if len(s1) != len(s2) { return false }; for i, v1 := range s1 { if !eq(v1, s2[i]) { return false } }; return true }`,
	"maps.EqualFunc":          `func(m1 $0, m2 $1, eq func($3, $4) bool) bool { if len(m1) != len(m2) { return false }; for k, v1 := range m1 { v2, ok := m2[k]; if !ok || !eq(v1, v2) { return false } }; return true }`,
	"slices.Insert":           `func(s $0, i int, v ...$1) $0 { _ = s[i:]; m := len(v); if m == 0 { return s }; n := len(s); if i == n { return append(s, v...) }; if n+m > cap(s) { s2 := append(s[:i], make($0, n+m-i)...); copy(s2[i:], v); copy(s2[i+m:], s[i:]); return s2 }; s = s[:n+m]; copy(s[i+m:], s[i:n]); copy(s[i:], v); return s }`,
	"slices.Delete":           `func(s $0, i, j int) $0 { _ = s[i:j:len(s)]; if i == j { return s }; oldlen := len(s); s = append(s[:i], s[j:]...); var z $1; for k := len(s); k < oldlen; k++ { s[:oldlen][k] = z }; return s }`,
	"slices.Clone":            `func(s $0) $0 { if s == nil { return nil }; return append($0([]$1{}), s...) }`,
	"slices.Max":              `func(x $0) $1 { if len(x) < 1 { panic("slices.Max: empty list") }; m := x[0]; for i := 1; i < len(x); i++ { if x[i] > m || x[i] != x[i] { m = x[i] } }; return m }`,
	"slices.Min":              `func(x $0) $1 { if len(x) < 1 { panic("slices.Min: empty list") }; m := x[0]; for i := 1; i < len(x); i++ { if x[i] < m || x[i] != x[i] { m = x[i] } }; return m }`,
	// Iterators are the func types the cell compiler writes iter.Seq and
	// iter.Seq2 as.
	"slices.All":          `func(s $0) func(func(int, $1) bool) { return func(yield func(int, $1) bool) { for i, v := range s { if !yield(i, v) { return } } } }`,
	"slices.Values":       `func(s $0) func(func($1) bool) { return func(yield func($1) bool) { for _, v := range s { if !yield(v) { return } } } }`,
	"slices.Backward":     `func(s $0) func(func(int, $1) bool) { return func(yield func(int, $1) bool) { for i := len(s) - 1; i >= 0; i-- { if !yield(i, s[i]) { return } } } }`,
	"slices.Collect":      `func(seq func(func($0) bool)) []$0 { var s []$0; seq(func(v $0) bool { s = append(s, v); return true }); return s }`,
	"slices.Sorted":       `func(seq func(func($0) bool)) []$0 { var s []$0; seq(func(v $0) bool { s = append(s, v); return true }); $gen.SortSlice(s, func(i, j int) bool { return s[i] < s[j] || s[i] != s[i] && s[j] == s[j] }); return s }`,
	"slices.SortedFunc":   `func(seq func(func($0) bool), cmp func($0, $0) int) []$0 { var s []$0; seq(func(v $0) bool { s = append(s, v); return true }); $gen.SortSlice(s, func(i, j int) bool { return cmp(s[i], s[j]) < 0 }); return s }`,
	"maps.Keys":           `func(m $0) func(func($1) bool) { return func(yield func($1) bool) { for k := range m { if !yield(k) { return } } } }`,
	"maps.Values":         `func(m $0) func(func($2) bool) { return func(yield func($2) bool) { for _, v := range m { if !yield(v) { return } } } }`,
	"maps.All":            `func(m $0) func(func($1, $2) bool) { return func(yield func($1, $2) bool) { for k, v := range m { if !yield(k, v) { return } } } }`,
	"maps.Clone":          `func(m $0) $0 { if m == nil { return nil }; r := make($0, len(m)); for k, v := range m { r[k] = v }; return r }`,
	"cmp.Compare":         `func(x, y $0) int { xNaN, yNaN := x != x, y != y; if xNaN { if yNaN { return 0 }; return -1 }; if yNaN { return +1 }; if x < y { return -1 }; if x > y { return +1 }; return 0 }`,
	"cmp.Less":            `func(x, y $0) bool { return (x != x && y == y) || x < y }`,
	"maps.Copy":           `func(dst $0, src $1) { for k, v := range src { dst[k] = v } }`,
	"maps.DeleteFunc":     `func(m $0, del func($1, $2) bool) { for k, v := range m { if del(k, v) { delete(m, k) } } }`,
	"maps.Equal":          `func(m1 $0, m2 $1) bool { if len(m1) != len(m2) { return false }; for k, v1 := range m1 { if v2, ok := m2[k]; !ok || v1 != v2 { return false } }; return true }`,
	"maps.Collect":        `func(seq func(func($0, $1) bool)) map[$0]$1 { m := map[$0]$1{}; seq(func(k $0, v $1) bool { m[k] = v; return true }); return m }`,
	"maps.Insert":         `func(m $0, seq func(func($1, $2) bool)) { seq(func(k $1, v $2) bool { m[k] = v; return true }) }`,
	"slices.Compact":      `func(s $0) $0 { if len(s) < 2 { return s }; i := 1; for k := 1; k < len(s); k++ { if s[k] != s[k-1] { if i != k { s[i] = s[k] }; i++ } }; var z $1; for k := i; k < len(s); k++ { s[k] = z }; return s[:i] }`,
	"slices.CompactFunc":  `func(s $0, eq func($1, $1) bool) $0 { if len(s) < 2 { return s }; i := 1; for k := 1; k < len(s); k++ { if !eq(s[k], s[k-1]) { if i != k { s[i] = s[k] }; i++ } }; var z $1; for k := i; k < len(s); k++ { s[k] = z }; return s[:i] }`,
	"slices.Concat":       `func(ss ...$0) $0 { n := 0; for _, s := range ss { n += len(s) }; var r $0; if n > 0 { r = make($0, 0, n) }; for _, s := range ss { r = append(r, s...) }; return r }`,
	"slices.BinarySearch": `func(x $0, target $1) (int, bool) { n := len(x); i, j := 0, n; for i < j { h := int(uint(i+j) >> 1); if (x[h] != x[h] && target == target) || x[h] < target { i = h + 1 } else { j = h } }; return i, i < n && (x[i] == target || x[i] != x[i] && target != target) }`,
	"slices.IsSorted":     `func(x $0) bool { for i := len(x) - 1; i > 0; i-- { if (x[i] != x[i] && x[i-1] == x[i-1]) || x[i] < x[i-1] { return false } }; return true }`,
}
