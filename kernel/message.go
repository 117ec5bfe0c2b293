package kernel

import (
	"encoding/json"
	"time"

	"github.com/google/uuid"
)

// ProtocolVersion is the Jupyter messaging protocol version the kernel speaks.
const ProtocolVersion = "5.5"

// Header is a Jupyter message header.
type Header struct {
	MsgID    string `json:"msg_id"`
	Session  string `json:"session"`
	Username string `json:"username"`
	Date     string `json:"date"`
	MsgType  string `json:"msg_type"`
	Version  string `json:"version"`
	// SubshellID routes a shell request to a subshell (protocol 5.5):
	// absent or null is the main shell. Kept raw so that a request with
	// an id that is not a string gets an error reply instead of being
	// dropped as undecodable.
	SubshellID json.RawMessage `json:"subshell_id,omitempty"`
}

// Message is one decoded Jupyter message. Content is kept as raw JSON so a
// handler decodes only the fields it needs.
type Message struct {
	Identities   [][]byte
	Header       Header
	ParentHeader json.RawMessage
	Metadata     json.RawMessage
	Content      json.RawMessage
	Buffers      [][]byte

	shell *shell // the shell (main or subshell) handling a shell request
}

// timestamp formats t as ISO 8601 in UTC with microseconds.
func timestamp(t time.Time) string {
	return t.UTC().Format("2006-01-02T15:04:05.000000Z")
}

// newHeader makes a fresh header of msgType in the given session.
func newHeader(msgType, session string) Header {
	return Header{
		MsgID:    uuid.NewString(),
		Session:  session,
		Username: "kernel",
		Date:     timestamp(time.Now()),
		MsgType:  msgType,
		Version:  ProtocolVersion,
	}
}

// Parent is the request that output and replies belong to: its header and
// the ZeroMQ identities to answer. The zero Parent means "no request".
type Parent struct {
	Header     json.RawMessage
	Identities [][]byte
}

// parentOf returns the Parent context of a request.
func parentOf(m *Message) Parent {
	h, _ := json.Marshal(m.Header)
	return Parent{Header: h, Identities: m.Identities}
}

// emptyObject is the JSON encoding of {}.
var emptyObject = json.RawMessage("{}")
