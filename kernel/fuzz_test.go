package kernel

import (
	"bytes"
	"encoding/json"
	"testing"
)

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

// FuzzParseConnectionInfo feeds arbitrary JSON to the connection file
// parser: it must never panic, and what it accepts must be usable.
func FuzzParseConnectionInfo(f *testing.F) {
	f.Add([]byte(`{"shell_port":1,"iopub_port":2,"stdin_port":3,"control_port":4,"hb_port":5,"ip":"127.0.0.1","key":"k","transport":"tcp","signature_scheme":"hmac-sha256"}`))
	f.Add([]byte(`{"transport":"ipc","ip":"/tmp/x"}`))
	f.Add([]byte(`{"signature_scheme":"hmac-md5"}`))
	f.Add([]byte(`null`))
	f.Fuzz(func(t *testing.T, data []byte) {
		ci, err := ParseConnectionInfo(data)
		if err != nil {
			return
		}
		if ci.Transport != "tcp" && ci.Transport != "ipc" {
			t.Fatalf("accepted transport %q", ci.Transport)
		}
		if _, err := NewSigner(ci.SignatureScheme, ci.Key); err != nil && ci.Key != "" {
			t.Fatalf("accepted a scheme the signer rejects: %v", err)
		}
		_ = ci.Endpoint(ci.ShellPort)
	})
}
