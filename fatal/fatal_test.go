package fatal

import "testing"

func TestMessage(t *testing.T) {
	cases := map[string]string{
		"out\nfatal error: concurrent map writes\n\ngoroutine 1 [running]:\n":                                                  "fatal error: concurrent map writes",
		"runtime: goroutine stack exceeds 1000000000-byte limit\nruntime: sp=0xc0 stack=[0xc0]\nfatal error: stack overflow\n": "runtime: goroutine stack exceeds 1000000000-byte limit\nruntime: sp=0xc0 stack=[0xc0]\nfatal error: stack overflow",
		"panic: boom\n\ngoroutine 5": "panic: boom",
		"just output\n":              "",
		"panic: old\nfatal error: sync: unlock of unlocked mutex\n": "fatal error: sync: unlock of unlocked mutex",
	}
	for in, want := range cases {
		if got := Message(in); got != want {
			t.Errorf("Message(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTailLine(t *testing.T) {
	cases := map[string]string{
		"fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan receive]:\nmain.main()\n": "fatal error: all goroutines are asleep - deadlock!",
		"panic: boom\n\ngoroutine 1 [running]:\nmain.main()\n\t/tmp/main.go:3\nexit status 2\n":            "panic: boom",
		"some output\nlast words  \n\n": "last words",
	}
	for in, want := range cases {
		var tail Tail
		tail.Write([]byte(in))
		if got := tail.Line(); got != want {
			t.Errorf("Line after %q = %q, want %q", in, got, want)
		}
	}
}

func TestTailKeepsFatalAfterLongTraceback(t *testing.T) {
	var tail Tail
	tail.Write([]byte("runtime: goroutine stack exceeds 1000000000-byte limit\nfatal error: stack overflow\n\n"))
	for i := 0; i < 2000; i++ {
		tail.Write([]byte("main.f(...)\n\t/cell.go:1 +0x1d\n"))
	}
	want := "runtime: goroutine stack exceeds 1000000000-byte limit\nfatal error: stack overflow"
	if got := tail.Message(); got != want {
		t.Errorf("Message = %q, want %q", got, want)
	}
}
