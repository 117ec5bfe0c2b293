// split: no
package main

import "fmt"

func main() {
	for i := 0; ; i++ {
		fmt.Println("step", i)
		if i == 2 {
			fmt.Println("returning")
			return
		}
	}
}
