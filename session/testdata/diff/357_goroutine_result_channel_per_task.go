package main

import (
	"fmt"
	"strings"
)

func main() {
	words := []string{"alpha", "beta", "gamma"}
	chans := make([]chan string, len(words))
	for i, w := range words {
		chans[i] = make(chan string, 1)
		go func(c chan<- string) {
			c <- strings.ToUpper(w)
		}(chans[i])
	}
	for _, c := range chans {
		fmt.Println(<-c)
	}
}
