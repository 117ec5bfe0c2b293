// split: no
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"time"
)

type Priority uint8

const (
	Low Priority = iota + 1
	Medium
	High
)

var priorityNames = map[Priority]string{Low: "low", Medium: "medium", High: "high"}

func (p Priority) String() string { return priorityNames[p] }

type Job struct {
	Name     string         `json:"name"`
	Priority Priority       `json:"priority"`
	Timeout  time.Duration  `json:"timeout"`
	Tags     []string       `json:"tags,omitempty"`
	Meta     map[string]any `json:"meta,omitempty"`
}

type Queue struct {
	Jobs  []Job  `json:"jobs"`
	Owner string `json:"owner"`
}

func main() {
	q := Queue{Owner: "ana", Jobs: []Job{
		{Name: "build", Priority: High, Timeout: 90 * time.Second, Tags: []string{"ci"}},
		{Name: "lint", Priority: Low, Timeout: 1500 * time.Millisecond},
		{Name: "deploy", Priority: Medium, Timeout: 2 * time.Minute, Meta: map[string]any{"region": "eu", "replicas": 3}},
	}}
	b, err := json.Marshal(q)
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	fmt.Println(string(b))
	var back Queue
	if err := json.Unmarshal(b, &back); err != nil {
		fmt.Println("error:", err)
		return
	}
	for _, j := range back.Jobs {
		fmt.Printf("%-7s %-6v %8v %v %d\n", j.Name, j.Priority, j.Timeout, j.Tags, len(j.Meta))
	}
	fmt.Println(back.Jobs[2].Meta["replicas"], back.Jobs[2].Meta["replicas"].(float64)+1)
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	enc.Encode(map[string]any{"count": len(back.Jobs), "first": back.Jobs[0].Name, "p": back.Jobs[0].Priority})
	var generic map[string]any
	json.Unmarshal(b, &generic)
	jobs := generic["jobs"].([]any)
	for _, j := range jobs {
		m := j.(map[string]any)
		fmt.Println(m["name"], m["priority"], m["timeout"])
	}
	var sb strings.Builder
	for i, j := range q.Jobs {
		if i > 0 {
			sb.WriteString(", ")
		}
		fmt.Fprintf(&sb, "%s(%v)", j.Name, j.Priority)
	}
	fmt.Println(sb.String())
	bad := `{"jobs": [{"name": 5}]}`
	var q2 Queue
	err = json.Unmarshal([]byte(bad), &q2)
	fmt.Println(err)
}
