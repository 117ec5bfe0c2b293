package main

import (
	"fmt"
	"strings"
	"sync"
)

type job struct {
	in  string
	out string
	err error
}

func main() {
	jobs := []*job{{in: "alpha"}, {in: ""}, {in: "gamma"}}
	var wg sync.WaitGroup
	for _, j := range jobs {
		wg.Go(func() {
			if j.in == "" {
				j.err = fmt.Errorf("empty input")
				return
			}
			j.out = strings.Repeat(j.in[:1], len(j.in))
		})
	}
	wg.Wait()
	for _, j := range jobs {
		fmt.Printf("%q -> %q %v\n", j.in, j.out, j.err)
	}
}
