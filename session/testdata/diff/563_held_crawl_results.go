package main

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"sync"
	"time"
)

type Result struct {
	URL   string
	Bytes int
	Err   error
}

func (r Result) String() string {
	if r.Err != nil {
		return r.URL + ": " + r.Err.Error()
	}
	return fmt.Sprintf("%s: %d bytes", r.URL, r.Bytes)
}

var errNotFound = errors.New("404 not found")

func fetch(ctx context.Context, url string) (int, error) {
	select {
	case <-ctx.Done():
		return 0, ctx.Err()
	default:
	}
	if len(url)%5 == 0 {
		return 0, fmt.Errorf("fetch %s: %w", url, errNotFound)
	}
	return len(url) * 100, nil
}

func crawl(ctx context.Context, urls []string, workers int) []Result {
	jobs := make(chan string)
	results := make(chan Result, len(urls))
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			for u := range jobs {
				n, err := fetch(ctx, u)
				results <- Result{URL: u, Bytes: n, Err: err}
			}
		}(w)
	}
	go func() {
		for _, u := range urls {
			jobs <- u
		}
		close(jobs)
	}()
	wg.Wait()
	close(results)
	var out []Result
	for r := range results {
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].URL < out[j].URL })
	return out
}

func main() {
	urls := []string{"a.com", "bb.org", "ccc.net", "dddd.io", "e.dev", "golang.org"}
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	res := crawl(ctx, urls, 3)
	total := 0
	failed := 0
	for _, r := range res {
		fmt.Println(r)
		if errors.Is(r.Err, errNotFound) {
			failed++
			continue
		}
		total += r.Bytes
	}
	fmt.Printf("total=%d failed=%d\n", total, failed)

	ctx2, cancel2 := context.WithCancel(context.Background())
	cancel2()
	res2 := crawl(ctx2, urls[:2], 2)
	for _, r := range res2 {
		fmt.Println(r, errors.Is(r.Err, context.Canceled))
	}
	fmt.Println(res2[0].Err == context.Canceled)
	var rs []fmt.Stringer
	for _, r := range res[:2] {
		rs = append(rs, r)
	}
	fmt.Println(rs)
	fmt.Printf("%v|%+v\n", res[1], res[1])
}
