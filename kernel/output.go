package kernel

import (
	"encoding/json"
	"errors"
	"time"

	"gokernel/pipe"
)

// requestOutput is the Output of one execute request: everything it
// publishes has the request as parent.
type requestOutput struct {
	k      *Kernel
	parent Parent
	silent bool
}

// Stream implements Output.
func (o *requestOutput) Stream(name, text string) {
	if o.silent {
		return
	}
	o.k.publish("stream", map[string]string{"name": name, "text": text}, o.parent)
}

// Display implements Output.
func (o *requestOutput) Display(ev *pipe.Event) {
	if o.silent {
		return
	}
	switch ev.Type {
	case "clear_output":
		o.k.publish("clear_output", map[string]any{"wait": ev.Wait}, o.parent)
	case "display_data", "update_display_data":
		data := ev.Data
		if data == nil {
			data = map[string]any{}
		}
		meta := ev.Metadata
		if meta == nil {
			meta = map[string]any{}
		}
		content := map[string]any{"data": data, "metadata": meta, "transient": map[string]any{}}
		if ev.DisplayID != "" {
			content["transient"] = map[string]any{"display_id": ev.DisplayID}
		}
		o.k.publish(ev.Type, content, o.parent)
	default:
		o.k.log.Printf("worker sent display event of unknown type %q", ev.Type)
	}
}

// Input implements Output: it sends an input_request on the stdin channel
// to the frontend that sent the execute request and waits for the reply.
// Whether the request allows input is checked by the worker, which knows
// it from the request (pipe.Request.AllowStdin) and answers a cell's read
// at once with pipe.ErrNoStdin when it does not.
func (o *requestOutput) Input(prompt string, password bool) (string, error) {
	k := o.k
	// Drop a stale wake-up left by an earlier interrupt.
	select {
	case <-k.stdinReply:
	default:
	}
	k.send(k.socks.stdin, o.parent.Identities, "input_request",
		map[string]any{"prompt": prompt, "password": password}, o.parent)
	select {
	case m := <-k.stdinReply:
		if m == nil {
			return "", errors.New("input interrupted")
		}
		var c struct {
			Value string `json:"value"`
		}
		if err := json.Unmarshal(m.Content, &c); err != nil {
			return "", err
		}
		return c.Value, nil
	case <-k.done:
		return "", errors.New("kernel shutting down")
	case <-time.After(24 * time.Hour):
		return "", errors.New("no input received")
	}
}
