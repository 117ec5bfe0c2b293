package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type Server struct {
	started  atomic.Bool
	requests atomic.Int32
}

func (s *Server) Start() bool { return s.started.CompareAndSwap(false, true) }

func (s *Server) Handle() { s.requests.Add(1) }

func main() {
	s := &Server{}
	var wg sync.WaitGroup
	var wins atomic.Int32
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if s.Start() {
				wins.Add(1)
			}
			s.Handle()
		}()
	}
	wg.Wait()
	fmt.Println(wins.Load(), s.requests.Load(), s.started.Load())
}
