package proc

import "embed"

// Source holds this package's Go files: the worker gives them to the
// cells' type checker, so that cells are checked against its real types.
//
//go:embed *.go
var Source embed.FS
