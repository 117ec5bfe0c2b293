package kernel

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"strings"
)

// delimiter separates ZeroMQ routing identities from the message proper.
var delimiter = []byte("<IDS|MSG>")

// Wire errors. Decode wraps them with detail.
var (
	ErrNoDelimiter  = errors.New("no <IDS|MSG> delimiter")
	ErrShortMessage = errors.New("too few frames after the delimiter")
	ErrBadSignature = errors.New("signature does not verify")
	ErrBadHeader    = errors.New("header is not a JSON object with a msg_type")
)

// Signer signs and verifies messages with the connection file's key.
// A Signer with an empty key signs nothing and accepts any signature,
// as the protocol prescribes.
type Signer struct {
	newHash func() hash.Hash
	key     []byte
}

// NewSigner returns a Signer for scheme (e.g. "hmac-sha256") and key.
func NewSigner(scheme, key string) (*Signer, error) {
	s := &Signer{key: []byte(key)}
	if key == "" {
		return s, nil
	}
	switch strings.ToLower(scheme) {
	case "hmac-sha256", "":
		s.newHash = sha256.New
	case "hmac-sha512":
		s.newHash = sha512.New
	case "hmac-sha1":
		s.newHash = sha1.New
	default:
		return nil, fmt.Errorf("unsupported signature_scheme %q (use hmac-sha256)", scheme)
	}
	return s, nil
}

// sign returns the hex HMAC of the four signed frames.
func (s *Signer) sign(parts ...[]byte) []byte {
	if len(s.key) == 0 {
		return nil
	}
	mac := hmac.New(s.newHash, s.key)
	for _, p := range parts {
		mac.Write(p)
	}
	sum := mac.Sum(nil)
	out := make([]byte, hex.EncodedLen(len(sum)))
	hex.Encode(out, sum)
	return out
}

// verify reports whether sig is the signature of parts, in constant time.
func (s *Signer) verify(sig []byte, parts ...[]byte) bool {
	if len(s.key) == 0 {
		return true
	}
	return hmac.Equal(sig, s.sign(parts...))
}

// Decode parses ZeroMQ frames into a Message. The signature is verified
// before any JSON is parsed, so unsigned input costs one HMAC and no more.
func (s *Signer) Decode(frames [][]byte) (*Message, error) {
	i := 0
	for i < len(frames) && !bytes.Equal(frames[i], delimiter) {
		i++
	}
	if i == len(frames) {
		return nil, ErrNoDelimiter
	}
	rest := frames[i+1:]
	if len(rest) < 5 {
		return nil, fmt.Errorf("%w: got %d, need 5", ErrShortMessage, len(rest))
	}
	if !s.verify(rest[0], rest[1], rest[2], rest[3], rest[4]) {
		return nil, ErrBadSignature
	}
	m := &Message{Identities: frames[:i]}
	if err := json.Unmarshal(rest[1], &m.Header); err != nil || m.Header.MsgType == "" {
		return nil, ErrBadHeader
	}
	m.ParentHeader = jsonObject(rest[2])
	m.Metadata = jsonObject(rest[3])
	m.Content = jsonObject(rest[4])
	if !json.Valid(m.Content) {
		return nil, fmt.Errorf("content of %s is not valid JSON", m.Header.MsgType)
	}
	m.Buffers = rest[5:]
	return m, nil
}

// jsonObject returns b, or {} when b is empty.
func jsonObject(b []byte) json.RawMessage {
	if len(bytes.TrimSpace(b)) == 0 {
		return emptyObject
	}
	return b
}

// Encode builds the signed frames of a message. header, parent, metadata
// and content must already be JSON.
func (s *Signer) Encode(ids [][]byte, header, parent, metadata, content []byte, buffers [][]byte) [][]byte {
	frames := make([][]byte, 0, len(ids)+6+len(buffers))
	frames = append(frames, ids...)
	sig := s.sign(header, parent, metadata, content)
	if sig == nil {
		sig = []byte{}
	}
	frames = append(frames, delimiter, sig, header, parent, metadata, content)
	return append(frames, buffers...)
}
