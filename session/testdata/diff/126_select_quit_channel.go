package main

import "fmt"

func worker(jobs <-chan int, quit <-chan struct{}, results chan<- int) {
	for {
		select {
		case j := <-jobs:
			results <- j * j
		case <-quit:
			close(results)
			return
		}
	}
}

func main() {
	jobs := make(chan int)
	quit := make(chan struct{})
	results := make(chan int)
	go worker(jobs, quit, results)
	for i := 1; i <= 3; i++ {
		jobs <- i
		fmt.Println(<-results)
	}
	close(quit)
	_, ok := <-results
	fmt.Println("results open:", ok)
}
