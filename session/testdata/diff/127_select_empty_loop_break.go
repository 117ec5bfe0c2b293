// split: no
package main

import "fmt"

func main() {
	data := make(chan int, 5)
	for i := range 5 {
		data <- i
	}
	close(data)
	count := 0
	for {
		select {
		case _, ok := <-data:
			if !ok {
				fmt.Println("closed after", count)
				return
			}
			count++
		}
	}
}
