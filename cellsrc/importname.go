package cellsrc

import (
	"path"
	"strconv"
	"strings"
	"unicode"
)

// ImportName returns the name an import of path binds when the import
// names none: the package's name, which by Go's convention is the last
// element of the path without a major-version element ("math/rand/v2" is
// package rand), a "go-" prefix or a ".vN" suffix ("gopkg.in/yaml.v3" is
// package yaml), as goimports assumes.
func ImportName(importPath string) string {
	base := path.Base(importPath)
	if strings.HasPrefix(base, "v") {
		if _, err := strconv.Atoi(base[1:]); err == nil {
			if dir := path.Dir(importPath); dir != "." {
				base = path.Base(dir)
			}
		}
	}
	base = strings.TrimPrefix(base, "go-")
	if i := strings.IndexFunc(base, func(r rune) bool { return r != '_' && !unicode.IsLetter(r) && !unicode.IsDigit(r) }); i >= 0 {
		base = base[:i]
	}
	return base
}
