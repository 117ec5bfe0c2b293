package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.NewTimer(time.Hour)
	fmt.Println("stopped:", t.Stop())
	fired := make(chan string, 1)
	time.AfterFunc(time.Millisecond, func() { fired <- "fired" })
	fmt.Println(<-fired)
	select {
	case <-time.After(time.Millisecond):
		fmt.Println("timeout path")
	}
	tk := time.NewTicker(time.Millisecond)
	n := 0
	for range tk.C {
		n++
		if n == 3 {
			tk.Stop()
			break
		}
	}
	fmt.Println("ticks:", n)
}
