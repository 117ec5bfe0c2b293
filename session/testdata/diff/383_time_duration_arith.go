package main

import (
	"fmt"
	"time"
)

func main() {
	d := 90 * time.Minute
	fmt.Println(d, d.Hours(), d.Minutes())
	d2 := 2*time.Hour + 30*time.Second + 5*time.Millisecond
	fmt.Println(d2)
	fmt.Println(d2.Truncate(time.Minute), d2.Round(time.Hour))
	fmt.Println(time.Duration(1500)*time.Microsecond, time.Duration(0), -3*time.Second)
	fmt.Println(time.Second/time.Millisecond, int64(time.Millisecond))
	fmt.Printf("%v %d %T\n", time.Nanosecond*250, time.Microsecond, d)
}
