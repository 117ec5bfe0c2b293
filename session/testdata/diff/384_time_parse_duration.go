package main

import (
	"fmt"
	"time"
)

func main() {
	for _, s := range []string{"1h15m", "300ms", "1.5s", "-2m3s", "10", "2d"} {
		d, err := time.ParseDuration(s)
		if err != nil {
			fmt.Println("error:", err)
			continue
		}
		fmt.Println(s, "=", d, d.Seconds())
	}
	fmt.Println(time.Duration(1<<63 - 1))
}
