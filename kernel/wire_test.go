package kernel

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

func testMessage(t *testing.T, s *Signer, msgType string, content string) [][]byte {
	t.Helper()
	h, _ := json.Marshal(newHeader(msgType, "client-session"))
	return s.Encode([][]byte{[]byte("peer-1")}, h, []byte("{}"), []byte("{}"), []byte(content), nil)
}

func TestEncodeDecodeRoundTrip(t *testing.T) {
	s, err := NewSigner("hmac-sha256", "secret")
	if err != nil {
		t.Fatal(err)
	}
	frames := testMessage(t, s, "execute_request", `{"code":"1+1"}`)
	if !bytes.Equal(frames[1], delimiter) {
		t.Fatalf("frame 1 = %q, want the delimiter", frames[1])
	}
	if len(frames[2]) != 64 {
		t.Fatalf("signature %q is not 64 hex digits", frames[2])
	}
	m, err := s.Decode(frames)
	if err != nil {
		t.Fatal(err)
	}
	if m.Header.MsgType != "execute_request" || string(m.Content) != `{"code":"1+1"}` {
		t.Fatalf("decoded %+v", m)
	}
	if len(m.Identities) != 1 || string(m.Identities[0]) != "peer-1" {
		t.Fatalf("identities %q", m.Identities)
	}
}

func TestDecodeRejects(t *testing.T) {
	s, _ := NewSigner("hmac-sha256", "secret")
	other, _ := NewSigner("hmac-sha256", "wrong key")
	good := testMessage(t, s, "kernel_info_request", `{}`)
	tampered := append([][]byte(nil), good...)
	tampered[6] = []byte(`{"code":"evil"}`)
	hdrNoType, _ := json.Marshal(map[string]string{"msg_id": "x"})
	cases := []struct {
		name   string
		frames [][]byte
		want   error
	}{
		{"wrong key", testMessage(t, other, "execute_request", `{"code":"1"}`), ErrBadSignature},
		{"tampered content", tampered, ErrBadSignature},
		{"no delimiter", [][]byte{[]byte("a"), []byte("b")}, ErrNoDelimiter},
		{"too few frames", [][]byte{delimiter, []byte("sig"), []byte("{}")}, ErrShortMessage},
		{"empty", nil, ErrNoDelimiter},
		{"non-JSON header", s.Encode(nil, []byte("not json"), []byte("{}"), []byte("{}"), []byte("{}"), nil), ErrBadHeader},
		{"header without msg_type", s.Encode(nil, hdrNoType, []byte("{}"), []byte("{}"), []byte("{}"), nil), ErrBadHeader},
	}
	for _, c := range cases {
		_, err := s.Decode(c.frames)
		if !errors.Is(err, c.want) {
			t.Errorf("%s: err = %v, want %v", c.name, err, c.want)
		}
	}
	h, _ := json.Marshal(newHeader("execute_request", "s"))
	if _, err := s.Decode(s.Encode(nil, h, []byte("{}"), []byte("{}"), []byte("{not json"), nil)); err == nil {
		t.Error("invalid content JSON accepted")
	}
}

func TestUnsignedWhenKeyEmpty(t *testing.T) {
	s, _ := NewSigner("hmac-sha256", "")
	frames := testMessage(t, s, "kernel_info_request", `{}`)
	if len(frames[2]) != 0 {
		t.Fatalf("signature %q with an empty key", frames[2])
	}
	frames[2] = []byte("anything")
	if _, err := s.Decode(frames); err != nil {
		t.Fatalf("empty key must accept any signature: %v", err)
	}
}

func TestSignatureSchemes(t *testing.T) {
	for scheme, n := range map[string]int{"hmac-sha256": 64, "hmac-sha512": 128, "hmac-sha1": 40} {
		s, err := NewSigner(scheme, "k")
		if err != nil {
			t.Fatal(err)
		}
		if got := len(s.sign([]byte("x"))); got != n {
			t.Errorf("%s: %d hex digits, want %d", scheme, got, n)
		}
	}
	if _, err := NewSigner("md5", "k"); err == nil {
		t.Error("unknown scheme accepted")
	}
}

func TestHeaderDate(t *testing.T) {
	h := newHeader("status", "s")
	// 2006-01-02T15:04:05.000000Z: microseconds, UTC
	if len(h.Date) != 27 || !strings.HasSuffix(h.Date, "Z") || h.Date[19] != '.' {
		t.Fatalf("date %q is not ISO 8601 UTC with microseconds", h.Date)
	}
	if len(h.MsgID) != 36 {
		t.Fatalf("msg_id %q is not a UUID", h.MsgID)
	}
}

func BenchmarkDecode(b *testing.B) {
	s, _ := NewSigner("hmac-sha256", "0123456789abcdef0123456789abcdef")
	h, _ := json.Marshal(newHeader("execute_request", "client-session"))
	frames := s.Encode([][]byte{[]byte("peer")}, h, []byte("{}"), []byte("{}"), []byte(`{"code":"fmt.Println(\"hello\")","silent":false}`), nil)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := s.Decode(frames); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEncode(b *testing.B) {
	s, _ := NewSigner("hmac-sha256", "0123456789abcdef0123456789abcdef")
	content := []byte(`{"name":"stdout","text":"hello\n"}`)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		h, _ := json.Marshal(newHeader("stream", "kernel-session"))
		s.Encode([][]byte{[]byte("topic")}, h, []byte("{}"), []byte("{}"), content, nil)
	}
}

// frameSep splits a fuzz input into frames.
var frameSep = []byte{0xff, 0xfe}

// FuzzDecode feeds arbitrary frames to the wire decoder: it must never
// panic, and whatever it accepts must carry a valid signature and JSON.
func FuzzDecode(f *testing.F) {
	s, _ := NewSigner("hmac-sha256", "fuzz-key")
	h, _ := json.Marshal(newHeader("execute_request", "s"))
	good := s.Encode([][]byte{[]byte("id")}, h, []byte("{}"), []byte("{}"), []byte(`{"code":"1"}`), [][]byte{[]byte("buf")})
	f.Add(bytes.Join(good, frameSep))
	f.Add([]byte("<IDS|MSG>"))
	f.Add([]byte(""))
	f.Add(bytes.Join([][]byte{[]byte("<IDS|MSG>"), []byte("sig"), []byte("{"), {}, {}, {}}, frameSep))
	f.Fuzz(func(t *testing.T, data []byte) {
		frames := bytes.Split(data, frameSep)
		m, err := s.Decode(frames)
		if err != nil {
			return
		}
		if m.Header.MsgType == "" || !json.Valid(m.Content) {
			t.Fatalf("accepted a message without msg_type or with invalid content: %+v", m)
		}
		i := 0
		for !bytes.Equal(frames[i], delimiter) {
			i++
		}
		if !s.verify(frames[i+1], frames[i+2], frames[i+3], frames[i+4], frames[i+5]) {
			t.Fatal("accepted a message whose signature does not verify")
		}
	})
}
