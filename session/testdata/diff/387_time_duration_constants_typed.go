package main

import (
	"fmt"
	"time"
)

type Timeout time.Duration

func (t Timeout) String() string { return "timeout(" + time.Duration(t).String() + ")" }

func main() {
	const retries = 3
	backoff := 100 * time.Millisecond
	var total time.Duration
	for i := range retries {
		wait := backoff << i
		total += wait
		fmt.Println("attempt", i, "wait", wait)
	}
	fmt.Println("total", total)
	n := 4
	fmt.Println(time.Duration(n) * time.Second)
	fmt.Println(Timeout(5 * time.Second))
	fmt.Println(min(time.Second, 500*time.Millisecond), max(time.Minute, 59*time.Second))
}
