package main

import "fmt"

func try(f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("panic:", r)
		}
	}()
	f()
}

func main() {
	s := []int{1, 2, 3}
	i, j := 2, 5
	try(func() { _ = s[j] })
	try(func() { _ = s[i:j] })
	try(func() { _ = s[j:] })
	k := 1
	try(func() { _ = s[i:k] })
	try(func() { fmt.Println(s[i:]) })
}
