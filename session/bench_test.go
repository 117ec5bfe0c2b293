package session

import (
	"context"
	"os"
	"testing"
)

// BenchmarkExecuteSmallCell measures a small cell end to end in the session
// (compile, run, format the Out value).
func BenchmarkExecuteSmallCell(b *testing.B) {
	s, _ := New(Options{Stdout: os.Stdout, Stderr: os.Stderr})
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

// BenchmarkFib measures an interpreted CPU-bound cell: naive recursive
// fib(25), the kernel's cell machinery included.
func BenchmarkFib(b *testing.B) {
	s, _ := New(Options{Stdout: os.Stdout, Stderr: os.Stderr})
	ctx := context.Background()
	if _, err := s.Execute(ctx, 1, "func fib(n int) int { if n < 2 { return n }; return fib(n-1) + fib(n-2) }"); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.Execute(ctx, 2, "fib(25)"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkGoroutines measures a cell that starts and joins 10,000
// goroutines (each go statement goes through Session.goStart).
func BenchmarkGoroutines(b *testing.B) {
	s, _ := New(Options{Stdout: os.Stdout, Stderr: os.Stderr})
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.Execute(ctx, 1, "var wg sync.WaitGroup\nfor i := 0; i < 10000; i++ { wg.Add(1); go func() { wg.Done() }() }\nwg.Wait()"); err != nil {
			b.Fatal(err)
		}
	}
}
