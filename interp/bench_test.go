package interp

import (
	"context"
	"os"
	"testing"
)

// BenchmarkExecuteSmallCell measures a small cell end to end in the session
// (compile, run, format the Out value).
func BenchmarkExecuteSmallCell(b *testing.B) {
	s, _ := NewSession(Options{Stdout: os.Stdout, Stderr: os.Stderr})
	ctx := context.Background()
	s.Execute(ctx, 1, "x := 1")
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.Execute(ctx, 2, "x++\nx + 1"); err != nil {
			b.Fatal(err)
		}
	}
}
