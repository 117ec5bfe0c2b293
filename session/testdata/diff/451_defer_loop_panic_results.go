package main

import "fmt"

func process(items []string) (done []string, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("stopped at %d: %v", len(done), r)
		}
	}()
	for _, it := range items {
		if it == "" {
			panic("empty item")
		}
		done = append(done, it)
	}
	return done, nil
}

func main() {
	fmt.Println(process([]string{"a", "b"}))
	fmt.Println(process([]string{"a", "", "c"}))
}
