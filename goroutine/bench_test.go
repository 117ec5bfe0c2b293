package goroutine

import "testing"

// BenchmarkAt is the Go side of a marker (yaegi's call of it costs about
// 0.2 µs more).
func BenchmarkAt(b *testing.B) {
	m := NewMarks()
	done := make(chan bool)
	m.Go("In [1], line 1", func() {
		go func() {
			for i := 0; i < b.N; i++ {
				m.At(Code(100002+i&3, Recv))
			}
			done <- true
		}()
	})
	<-done
}

// BenchmarkGo is the labelling of a goroutine a cell starts.
func BenchmarkGo(b *testing.B) {
	m := NewMarks()
	for i := 0; i < b.N; i++ {
		m.Go("In [1], line 1", func() {})
	}
}
